/** The package ships JavaScript only: the part the specs use. */
declare module '@asymmetrik/fhir-json-schema-validator' {
	export default class JSONSchemaValidator {
		constructor(schema?: object, ajvSettings?: object);
		validate(resource: object, verbose?: boolean): { dataPath?: string; message?: string }[];
	}
}
