// The entry point of the bundle that bin/backprop.js runs.
import { start } from './cli.js';

void start();
