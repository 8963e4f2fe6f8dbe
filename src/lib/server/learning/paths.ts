import path from 'node:path';
import { dataDir } from '../config/index.ts';

/** The courses folder: COURSES_DIR, or courses/ of the working directory. */
export function coursesRoot(): string {
	return path.resolve(process.env.COURSES_DIR ?? 'courses');
}

/** Where unpacked .h5p packages and uploads are kept: DATA_DIR/h5p. */
export function h5pStore(): string {
	return path.join(dataDir(), 'h5p');
}

/** H5P content id of a course package: "<course id>.<package id>" (ids have no dots, so it is unambiguous). */
export const courseH5PId = (courseId: string, key: string) => `${courseId}.${key}`;
export const scopedId = (courseId: string, key: string) => `${courseId}/${key}`;
