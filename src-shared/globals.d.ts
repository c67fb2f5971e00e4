// src-shared runs in Node (core), in the renderer and in workers. Only the Web Crypto
// random source is common to all of them; it is declared here so that shared code can use
// it without pulling in either the DOM or the Node type libraries.
declare global {
  // eslint-disable-next-line no-var
  var crypto: {
    getRandomValues<T extends Uint8Array>(array: T): T;
  };
}
export {};
