/**
 * Parses pasted network text off the main thread (a ResNet-152 repr takes up to ~100 ms, several
 * frames). Replies with the plain-data result or the ParseError's fields; never throws.
 */
import { serveRequests } from '../../notebook/worker-client';
import { parseRequest } from './parse-request';

serveRequests(parseRequest);
