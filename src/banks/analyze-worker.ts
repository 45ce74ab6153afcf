// Worker thread entry: analyzes the files it is given and posts the results back.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeFile } from './analyze-files.js';

parentPort!.postMessage((workerData as string[]).map(analyzeFile));
