/** A pool check form in range with both safety boxes ticked, as a technician posts it. For specs only. */
export const goodPoolCheck = {
	waterTempC: '34.0',
	freeChlorinePpm: '2.0',
	ph: '7.4',
	emergencyEquipmentChecked: true,
	rescuerPresent: true,
	overrideReason: ''
};
