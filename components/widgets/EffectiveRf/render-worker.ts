/** Renders the cell off the main thread (components/notebook/render-request.ts); never throws. */
import { renderRequest, type RenderRequest } from '../../notebook/render-request';
import { serveRequests } from '../../notebook/worker-client';
import { effectiveRfWidget } from './effective-rf';

serveRequests((request: RenderRequest) => renderRequest(effectiveRfWidget, request));
