import Foundation

/// Request body compression, written in Swift so the runtime needs no zlib.
///
/// The compressor is a single-pass LZ77 (hash chains over a 32 KiB window) emitting one
/// DEFLATE block with the fixed Huffman codes (RFC 1951 §3.2.6); when that would be larger
/// than the input it emits stored blocks instead. The output is valid DEFLATE that any
/// inflater reads; it compresses less than zlib's dynamic-Huffman blocks, but JSON payloads
/// typically still shrink several times.
public enum Compression {
    /// The body as a gzip member (RFC 1952): header, DEFLATE data, CRC-32 and size.
    public static func gzip(_ data: Data) -> Data {
        var out = Data([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF])
        out.append(deflate(data))
        appendLittleEndian(crc32(data), to: &out)
        appendLittleEndian(UInt32(truncatingIfNeeded: data.count), to: &out)
        return out
    }

    /// The body in the zlib format (RFC 1950), which HTTP calls `deflate`.
    public static func zlib(_ data: Data) -> Data {
        var out = Data([0x78, 0x01])  // 32 KiB window, fastest level; (0x7801 % 31 == 0)
        out.append(deflate(data))
        let checksum = adler32(data)
        out.append(contentsOf: [
            UInt8(truncatingIfNeeded: checksum >> 24), UInt8(truncatingIfNeeded: checksum >> 16),
            UInt8(truncatingIfNeeded: checksum >> 8), UInt8(truncatingIfNeeded: checksum),
        ])
        return out
    }

    /// Raw DEFLATE data (RFC 1951).
    public static func deflate(_ data: Data) -> Data {
        let input = [UInt8](data)
        let compressed = fixedHuffman(input)
        let storedSize = input.count + 5 * max(1, (input.count + 65_534) / 65_535)
        return compressed.count <= storedSize ? compressed : stored(input)
    }

    /// The CRC-32 (IEEE 802.3, as used by gzip) of `data`.
    public static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The Adler-32 checksum (as used by zlib) of `data`.
    public static func adler32(_ data: Data) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        var index = data.startIndex
        while index < data.endIndex {
            let end = data.index(index, offsetBy: 5552, limitedBy: data.endIndex) ?? data.endIndex
            for byte in data[index..<end] {
                a &+= UInt32(byte)
                b &+= a
            }
            a %= 65_521
            b %= 65_521
            index = end
        }
        return (b << 16) | a
    }

    // MARK: - Internals

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 {
            c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1
        }
        return c
    }

    private static func appendLittleEndian(_ value: UInt32, to data: inout Data) {
        data.append(contentsOf: [
            UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8),
            UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 24),
        ])
    }

    /// Stored (uncompressed) blocks of at most 65,535 bytes.
    private static func stored(_ input: [UInt8]) -> Data {
        var out = Data()
        var offset = 0
        repeat {
            let length = min(65_535, input.count - offset)
            let isFinal = offset + length >= input.count
            out.append(isFinal ? 0x01 : 0x00)  // BFINAL, BTYPE=00, then byte-aligned
            out.append(contentsOf: [
                UInt8(length & 0xFF), UInt8(length >> 8),
                UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF),
            ])
            out.append(contentsOf: input[offset..<(offset + length)])
            offset += length
        } while offset < input.count
        return out
    }

    private static let lengthBase: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    private static let lengthExtra: [Int] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    private static let distanceBase: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    private static let distanceExtra: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    /// Writes bits least-significant first, as DEFLATE requires.
    private struct BitWriter {
        var bytes: [UInt8] = []
        var buffer: UInt64 = 0
        var count = 0

        mutating func write(_ value: Int, bits: Int) {
            buffer |= UInt64(value) << UInt64(count)
            count += bits
            while count >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                count -= 8
            }
        }

        /// Writes a Huffman code, which DEFLATE stores most-significant bit first.
        mutating func writeCode(_ code: Int, bits: Int) {
            var reversed = 0
            var value = code
            for _ in 0..<bits {
                reversed = (reversed << 1) | (value & 1)
                value >>= 1
            }
            write(reversed, bits: bits)
        }

        mutating func finish() -> [UInt8] {
            if count > 0 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
            }
            buffer = 0
            count = 0
            return bytes
        }
    }

    private static func writeLiteralOrLength(_ symbol: Int, to writer: inout BitWriter) {
        switch symbol {
        case 0...143: writer.writeCode(0x30 + symbol, bits: 8)
        case 144...255: writer.writeCode(0x190 + symbol - 144, bits: 9)
        case 256...279: writer.writeCode(symbol - 256, bits: 7)
        default: writer.writeCode(0xC0 + symbol - 280, bits: 8)
        }
    }

    private static func writeMatch(length: Int, distance: Int, to writer: inout BitWriter) {
        var lengthCode = lengthBase.count - 1
        while lengthBase[lengthCode] > length { lengthCode -= 1 }
        writeLiteralOrLength(257 + lengthCode, to: &writer)
        if lengthExtra[lengthCode] > 0 {
            writer.write(length - lengthBase[lengthCode], bits: lengthExtra[lengthCode])
        }
        var distanceCode = distanceBase.count - 1
        while distanceBase[distanceCode] > distance { distanceCode -= 1 }
        writer.writeCode(distanceCode, bits: 5)
        if distanceExtra[distanceCode] > 0 {
            writer.write(distance - distanceBase[distanceCode], bits: distanceExtra[distanceCode])
        }
    }

    /// One final block with fixed Huffman codes and greedy LZ77 matching.
    private static func fixedHuffman(_ input: [UInt8]) -> Data {
        let windowSize = 32_768
        let maxMatch = 258
        let minMatch = 3
        let maxChain = 64
        let hashBits = 15
        let hashMask = (1 << hashBits) - 1
        var writer = BitWriter()
        writer.bytes.reserveCapacity(input.count / 2 + 16)
        writer.write(1, bits: 1)  // BFINAL
        writer.write(1, bits: 2)  // BTYPE = 01, fixed Huffman

        var head = [Int](repeating: -1, count: 1 << hashBits)
        var previous = [Int](repeating: -1, count: windowSize)
        func hash(_ at: Int) -> Int {
            let value = Int(input[at]) << 10 ^ Int(input[at + 1]) << 5 ^ Int(input[at + 2])
            return ((value &* 2_654_435_761) >> 13) & hashMask
        }
        func insert(_ at: Int) {
            guard at + minMatch <= input.count else { return }
            let h = hash(at)
            previous[at % windowSize] = head[h]
            head[h] = at
        }

        var position = 0
        while position < input.count {
            var bestLength = 0
            var bestDistance = 0
            if position + minMatch <= input.count {
                var candidate = head[hash(position)]
                var chain = 0
                let limit = min(maxMatch, input.count - position)
                while candidate >= 0, position - candidate <= windowSize, chain < maxChain {
                    if input[candidate + bestLength] == input[position + bestLength] || bestLength == 0 {
                        var length = 0
                        while length < limit, input[candidate + length] == input[position + length] {
                            length += 1
                        }
                        if length > bestLength {
                            bestLength = length
                            bestDistance = position - candidate
                            if length == limit { break }
                        }
                    }
                    let next = previous[candidate % windowSize]
                    guard next < candidate else { break }
                    candidate = next
                    chain += 1
                }
            }
            if bestLength >= minMatch {
                writeMatch(length: bestLength, distance: bestDistance, to: &writer)
                for at in position..<(position + bestLength) {
                    insert(at)
                }
                position += bestLength
            } else {
                writeLiteralOrLength(Int(input[position]), to: &writer)
                insert(position)
                position += 1
            }
        }
        writeLiteralOrLength(256, to: &writer)  // end of block
        return Data(writer.finish())
    }
}
