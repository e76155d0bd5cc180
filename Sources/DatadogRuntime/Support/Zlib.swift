import CZlib
import Foundation

/// Request-body compression through the system's zlib.
enum Compression {
    /// A compression failure reported by zlib (out of memory, in practice).
    struct Failure: Error, CustomStringConvertible {
        let code: Int32
        var description: String { "zlib failed with code \(code)" }
    }

    /// `data` as a gzip member (RFC 1952), for `Content-Encoding: gzip`.
    static func gzip(_ data: Data) throws -> Data {
        try deflate(data, windowBits: 15 + 16)
    }

    /// `data` in the zlib format (RFC 1950), which HTTP's `Content-Encoding: deflate` means.
    static func zlib(_ data: Data) throws -> Data {
        try deflate(data, windowBits: 15)
    }

    /// Compresses `data` in one pass at the default level; `windowBits` picks the wrapper
    /// (15: zlib, 31: gzip).
    private static func deflate(_ data: Data, windowBits: Int32) throws -> Data {
        var stream = z_stream()
        var status = deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw Failure(code: status) }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(data.count)))
        var output = Data(count: bound)
        var input = data
        status = input.withUnsafeMutableBytes { (inputBuffer: UnsafeMutableRawBufferPointer) -> Int32 in
            output.withUnsafeMutableBytes { (outputBuffer: UnsafeMutableRawBufferPointer) -> Int32 in
                stream.next_in = inputBuffer.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(outputBuffer.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw Failure(code: status) }
        output.count = Int(stream.total_out)
        return output
    }
}
