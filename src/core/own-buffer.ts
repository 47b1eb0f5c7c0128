/**
 * `bytes` with a buffer of its own, which can be handed over to or from
 * another thread (transferred, not copied): a view into a larger buffer (a
 * small Buffer shares Node's pool) or into shared memory is copied out first,
 * so nothing else goes with it.
 */
export function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
    ? (bytes as Uint8Array<ArrayBuffer>)
    : bytes.slice()
}
