import zlib from 'node:zlib';

/**
 * A minimal ZIP writer (stored or deflated entries, no ZIP64): enough to pack the H5P packages of
 * the demo courses and the test fixtures, including deliberately hostile ones (names with `..`,
 * entries that lie about their size). yauzl, which the portal reads packages with, only reads.
 */
export interface ZipEntry {
	name: string;
	data: Buffer | string;
	method?: 'store' | 'deflate';
	/** Write this uncompressed size in the headers instead of the real one (hostile fixtures). */
	declaredSize?: number;
	/** Unix mode in the external attributes (e.g. 0o120777 for a symbolic link). */
	unixMode?: number;
}

// 1 January 2026 in MS-DOS date format (a fixed date keeps packages byte-identical between runs).
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

export function createZip(entries: ZipEntry[]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8');
		const method = entry.method ?? 'deflate';
		const body = method === 'deflate' ? zlib.deflateRawSync(data, { level: 9 }) : data;
		const crc = zlib.crc32(data) >>> 0;
		const name = Buffer.from(entry.name, 'utf8');
		const size = entry.declaredSize ?? data.length;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(method === 'deflate' ? 8 : 0, 8);
		local.writeUInt16LE(0, 10); // time 00:00
		local.writeUInt16LE(DOS_DATE, 12);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(body.length, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(0, 28);
		locals.push(local, name, body);

		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(entry.unixMode ? 0x031e : 20, 4); // made by: Unix when a mode is given
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(method === 'deflate' ? 8 : 0, 10);
		central.writeUInt16LE(0, 12);
		central.writeUInt16LE(DOS_DATE, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(body.length, 20);
		central.writeUInt32LE(size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt16LE(0, 30);
		central.writeUInt16LE(0, 32);
		central.writeUInt16LE(0, 34);
		central.writeUInt16LE(0, 36);
		central.writeUInt32LE(entry.unixMode ? (entry.unixMode << 16) >>> 0 : 0, 38);
		central.writeUInt32LE(offset, 42);
		centrals.push(central, name);
		offset += local.length + name.length + body.length;
	}
	const centralSize = centrals.reduce((n, b) => n + b.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(centralSize, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, ...centrals, end]);
}
