// @ts-check
import os from 'node:os';

/**
 * The addresses phones and TVs on the clinic network can use, printed at start so nobody has to
 * look them up. Only when listening on all interfaces.
 *
 * @param {string} host
 * @returns {string[]}
 */
export function lanAddresses(host) {
	if (host !== '0.0.0.0' && host !== '::') return [];
	return Object.values(os.networkInterfaces())
		.flat()
		.filter((net) => net && net.family === 'IPv4' && !net.internal)
		.map((net) => /** @type {os.NetworkInterfaceInfo} */ (net).address);
}
