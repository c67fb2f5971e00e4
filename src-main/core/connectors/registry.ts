import type { ConnectorType } from './connector';
import { echoConnector } from './echo-connector';
import { httpConnector } from './http-connector';

/** Every connector type this build knows. The connectors issue adds SFTP, e-mail, databases and the rest here. */
export const CONNECTOR_TYPES: ReadonlyMap<string, ConnectorType<any>> = new Map<string, ConnectorType<any>>([
  [httpConnector.type, httpConnector],
  [echoConnector.type, echoConnector],
]);
