/**
 * Parses pasted network text off the main thread (a ResNet-152 repr takes up to ~100 ms, several
 * frames). Replies with the plain-data result or the ParseError's fields; never throws.
 */
import { parseRequest, type ParseReply, type ParseRequest } from './parse-request';

self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const reply: ParseReply = parseRequest(event.data);
  self.postMessage(reply);
};
