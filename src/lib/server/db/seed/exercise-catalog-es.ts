// Spanish (neutral, formal "usted") for the demo exercise catalog; keyed by the English name.

/** Spanish for the demo exercises the demo routines use: the wall's name and cue. */
export const EXERCISE_CATALOG_ES: Record<string, { name: string; displayCue: string }> = {
	// ---- Otago Exercise Programme: warm-up, strength, balance ----
	'Marching warm-up': {
		name: 'Marcha de calentamiento',
		displayCue: 'Marche en su lugar. Suba las rodillas y balancee los brazos.'
	},
	'Front knee strengthening': {
		name: 'Extensión de rodilla',
		displayCue: 'Siéntese derecho. Estire una rodilla y bájela despacio.'
	},
	'Side hip strengthening': {
		name: 'Elevación lateral de pierna',
		displayCue: 'Sujétese a la silla. Levante una pierna hacia el lado y bájela.'
	},
	'Back knee strengthening': {
		name: 'Flexión de rodilla hacia atrás',
		displayCue: 'Sujétese a la silla. Doble una rodilla y acerque el talón al glúteo.'
	},
	'Calf raises': {
		name: 'Elevación de talones',
		displayCue: 'Sujétese a la silla. Suba sobre la punta de los pies y baje despacio.'
	},
	'Toe raises': {
		name: 'Elevación de la punta del pie',
		displayCue: 'Sujétese a la silla. Levante la punta de los pies y apóyese en los talones.'
	},
	'Knee bends': {
		name: 'Semisentadillas',
		displayCue: 'Sujétese a la silla. Doble un poco las rodillas y luego enderécese.'
	},
	'Backwards walking': {
		name: 'Caminar hacia atrás',
		displayCue: 'Camine diez pasos hacia atrás. Luego gire y vuelva caminando.'
	},
	'Walking and turning': {
		name: 'Caminar y girar',
		displayCue: 'Camine en forma de ocho alrededor de los conos. Vaya despacio.'
	},
	'Sideways walking': {
		name: 'Caminar de lado',
		displayCue: 'Camine diez pasos de lado. Separe los pies y luego júntelos.'
	},
	'Tandem stance': {
		name: 'Postura en tándem',
		displayCue: 'Ponga un pie delante del otro. No se mueva.'
	},
	'Tandem walk': {
		name: 'Caminar en tándem',
		displayCue: 'Camine sobre la línea, talón con punta. Mire al frente.'
	},
	'One-leg stand': {
		name: 'Apoyo sobre una pierna',
		displayCue: 'Sujétese a la silla. Apóyese sobre una pierna. Mantenga la espalda recta.'
	},
	'Heel walking': {
		name: 'Caminar sobre los talones',
		displayCue: 'Levante la punta de los pies. Camine diez pasos sobre los talones.'
	},
	'Toe walking': {
		name: 'Caminar sobre las puntas',
		displayCue: 'Suba sobre la punta de los pies. Camine diez pasos.'
	},
	'Heel-toe walking backwards': {
		name: 'Caminar hacia atrás en tándem',
		displayCue: 'Camine hacia atrás, punta con talón. Vaya despacio.'
	},
	'Sit-to-stand': {
		name: 'Levantarse de la silla',
		displayCue: 'Inclínese hacia adelante. Levántese y luego siéntese despacio.'
	},
	'Stair walking': {
		name: 'Subir y bajar escaleras',
		displayCue: 'Sujétese al pasamanos. Suba un escalón y luego baje. Vaya despacio.'
	},

	// ---- STEADI stances and tests ----
	'STEADI stance: feet together': {
		name: 'Postura STEADI: pies juntos',
		displayCue: 'Póngase de pie con los pies juntos. No se mueva.'
	},
	'STEADI stance: semi-tandem': {
		name: 'Postura STEADI: semitándem',
		displayCue: 'Ponga un pie medio paso por delante del otro. No se mueva.'
	},
	'STEADI stance: tandem': {
		name: 'Postura STEADI: tándem',
		displayCue: 'Ponga un pie justo delante del otro. No se mueva.'
	},
	'STEADI stance: single leg': {
		name: 'Postura STEADI: una pierna',
		displayCue: 'Apóyese sobre un solo pie. No se mueva.'
	},
	'30-second chair stand': {
		name: 'Prueba de la silla: 30 segundos',
		displayCue: 'Cruce los brazos. Levántese y siéntese. Continúe sin parar.'
	},
	'Tai Ji Quan weight shift': {
		name: 'Tai Ji Quan: cambio de peso',
		displayCue: 'Separe los pies. Pase el peso despacio de un lado a otro.'
	},

	// ---- Core ----
	'Pelvic tilt': {
		name: 'Inclinación pélvica',
		displayCue: 'Aplane la parte baja de la espalda. Mantenga la posición y luego relájese.'
	},
	'Bird dog': {
		name: 'Cuatro apoyos: brazo y pierna',
		displayCue: 'Apóyese en manos y rodillas. Estire un brazo y la pierna contraria.'
	},
	'Dead bug': {
		name: 'Boca arriba: brazo y pierna',
		displayCue: 'Acuéstese boca arriba. Baje un brazo y la pierna contraria.'
	},
	'Side plank': {
		name: 'Plancha lateral',
		displayCue: 'Acuéstese de lado. Levante la cadera y mantenga la posición.'
	},
	'Transverse abdominis brace': {
		name: 'Activación abdominal profunda',
		displayCue: 'Meta el abdomen con suavidad. Mantenga la posición y siga respirando.'
	},
	'McGill curl-up': {
		name: 'Abdominal de McGill',
		displayCue: 'Ponga las manos bajo la zona lumbar. Levante un poco la cabeza.'
	},
	'McGill side bridge': {
		name: 'Puente lateral de McGill',
		displayCue: 'Acuéstese de lado. Levante la cadera. No se mueva.'
	},
	'Seated marching': {
		name: 'Marcha en la silla',
		displayCue: 'Siéntese derecho. Apriete el abdomen. Levante una rodilla y luego la otra.'
	},
	Bridge: {
		name: 'Puente',
		displayCue: 'Boca arriba, con las rodillas dobladas. Levante la cadera y luego bájela.'
	},
	'Heel slides': {
		name: 'Deslizamiento de talón',
		displayCue: 'Acuéstese boca arriba. Deslice un talón hacia afuera y luego de vuelta.'
	},
	'Seated lean-back hold': {
		name: 'Inclinación atrás en la silla',
		displayCue: 'Siéntese derecho. Inclínese un poco hacia atrás. Mantenga y luego incorpórese.'
	},

	// ---- Stretches and mobility ----
	'Calf stretch': {
		name: 'Estiramiento de pantorrilla',
		displayCue: 'Sujétese a la silla. Lleve un pie hacia atrás. Apoye el talón en el suelo.'
	},
	'Seated hamstring stretch': {
		name: 'Estiramiento posterior del muslo',
		displayCue: 'Siéntese derecho. Estire la pierna. Inclínese hacia adelante con suavidad.'
	},
	'Chest opener': {
		name: 'Apertura de pecho',
		displayCue: 'Ponga las manos detrás de la cabeza. Abra bien los codos.'
	},
	'Seated trunk rotation': {
		name: 'Giro de tronco en la silla',
		displayCue: 'Siéntese derecho. Gire para mirar por encima de un hombro. Mantenga la posición.'
	},
	'Ankle circles': {
		name: 'Círculos con el tobillo',
		displayCue: 'Levante un pie. Dibuje círculos lentos con la punta del pie.'
	},

	// ---- Aquatic: water walking ----
	'Water walking': {
		name: 'Caminar en el agua',
		displayCue: 'Camine hacia adelante en el agua. Espalda recta y balancee los brazos.'
	},
	'Water marching': {
		name: 'Marcha en el agua',
		displayCue: 'Marche en su lugar. Suba bien las rodillas.'
	},
	'Sideways water walking': {
		name: 'Caminar de lado en el agua',
		displayCue: 'Camine de lado junto a la pared. Separe los pies y luego júntelos.'
	},

	// ---- Aquatic: Halliwick 10-point programme ----
	'Halliwick mental adjustment': {
		name: 'Halliwick: adaptación mental',
		displayCue: 'Tome aire. Sople burbujas en el agua. Relájese.'
	},
	'Halliwick disengagement': {
		name: 'Halliwick: suelta',
		displayCue: 'Suéltese de la pared. Quédese de pie sin ayuda. Respire.'
	},
	'Halliwick sagittal rotation control': {
		name: 'Halliwick: control de rotación sagital',
		displayCue: 'Incline la cabeza hacia un lado. Vuelva al centro.'
	},
	'Halliwick transversal rotation control': {
		name: 'Halliwick: control de rotación transversal',
		displayCue: 'Lleve las rodillas al pecho. Vuelva a ponerse de pie. Despacio.'
	},
	'Halliwick longitudinal rotation control': {
		name: 'Halliwick: control de rotación longitudinal',
		displayCue: 'Flote boca arriba. Gire hacia un lado y luego vuelva.'
	},
	'Halliwick upthrust': {
		name: 'Halliwick: empuje',
		displayCue: 'Deje que el agua eleve su cuerpo. Flote y relájese.'
	},
	'Halliwick balance in stillness': {
		name: 'Halliwick: equilibrio en reposo',
		displayCue: 'Permanezca inmóvil en el agua. Abra los brazos. Mantenga el equilibrio.'
	},
	'Halliwick turbulent gliding': {
		name: 'Halliwick: deslizamiento turbulento',
		displayCue: 'Flote boca arriba. Relájese mientras se desliza.'
	},

	// ---- Aquatic: Ai Chi ----
	'Ai Chi contemplating': {
		name: 'Ai Chi: contemplación',
		displayCue: 'Tome aire, palmas hacia arriba. Suelte el aire, palmas hacia abajo.'
	},
	'Ai Chi floating': {
		name: 'Ai Chi: flotación',
		displayCue: 'Deje que los brazos floten hacia los lados. Luego déjelos bajar.'
	},
	'Ai Chi uplifting': {
		name: 'Ai Chi: elevación',
		displayCue: 'Suba los brazos al frente, palmas hacia arriba. Luego empuje hacia abajo.'
	},
	'Ai Chi enclosing': {
		name: 'Ai Chi: envolvimiento',
		displayCue: 'Abra bien los brazos. Ciérrelos como abrazando el agua.'
	},
	'Ai Chi folding': {
		name: 'Ai Chi: plegado',
		displayCue: 'Estire los brazos al frente. Recójalos hacia el pecho.'
	},
	'Ai Chi soothing': {
		name: 'Ai Chi: calma',
		displayCue: 'Pase un brazo sobre el agua de lado a lado. Gire suavemente con él.'
	},
	'Ai Chi freeing': {
		name: 'Ai Chi: liberación',
		displayCue: 'Dé un paso al frente. Abra bien los brazos y luego tráigalos de vuelta.'
	},
	'Ai Chi balancing': {
		name: 'Ai Chi: equilibrio',
		displayCue: 'Suba una rodilla. Estire los brazos al frente. Mantenga la posición.'
	}
};
