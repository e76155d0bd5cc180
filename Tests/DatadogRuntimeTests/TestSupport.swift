import Foundation
import XCTest

@testable import DatadogRuntime

/// A transport that answers from a script and records what it was sent.
final class FakeTransport: DatadogRuntime.HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var responses: [DatadogRuntime.HTTPResponse]
    private var recorded: [DatadogRuntime.HTTPRequest] = []
    private let fallback: DatadogRuntime.HTTPResponse

    /// Answers `responses` in order, then `fallback` forever.
    init(_ responses: [DatadogRuntime.HTTPResponse] = [], fallback: DatadogRuntime.HTTPResponse = .init(statusCode: 200)) {
        self.responses = responses
        self.fallback = fallback
    }

    var requests: [DatadogRuntime.HTTPRequest] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func send(_ request: DatadogRuntime.HTTPRequest) async throws -> DatadogRuntime.HTTPResponse {
        lock.withLock {
            recorded.append(request)
            return responses.isEmpty ? fallback : responses.removeFirst()
        }
    }
}

/// A transport that hangs until cancelled.
struct HangingTransport: DatadogRuntime.HTTPTransport {
    func send(_ request: DatadogRuntime.HTTPRequest) async throws -> DatadogRuntime.HTTPResponse {
        try await Task.sleep(for: .seconds(60))
        return .init(statusCode: 200)
    }
}

/// A sleeper that records the waits and returns at once.
final class RecordingSleeper: RetrySleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []

    var durations: [Duration] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func sleep(for duration: Duration) async throws {
        lock.withLock { recorded.append(duration) }
        try Task.checkCancellation()
    }
}

/// A sleeper that records the wait and then blocks until the task is cancelled.
final class BlockingSleeper: RetrySleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var started = false

    var hasStarted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return started
    }

    func sleep(for duration: Duration) async throws {
        lock.withLock { started = true }
        try await TaskSleeper().sleep(for: .seconds(60))
    }
}

extension DatadogRuntime.HTTPResponse {
    static func json(_ status: Int, _ text: String, headers: [String: String] = ["Content-Type": "application/json"])
        -> Self
    {
        .init(statusCode: status, headers: headers, body: Data(text.utf8))
    }
}

func jsonString(_ value: some Encodable) throws -> String {
    String(decoding: try DatadogJSON.makeEncoder().encode(value), as: UTF8.self)
}

func decode<T: Decodable>(_ type: T.Type, _ text: String, strict: Bool = false) throws -> T {
    try DatadogJSON.makeDecoder(strict: strict).decode(T.self, from: Data(text.utf8))
}

/// Polls `condition` for up to `timeout`.
func waitUntil(timeout: Duration = .seconds(5), _ condition: () -> Bool) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while !condition() {
        guard clock.now < deadline else {
            XCTFail("condition not met in time")
            return
        }
        try await Task.sleep(for: .milliseconds(5))
    }
}

/// A minimal inflater (stored and fixed-Huffman blocks, which is what the runtime emits),
/// to check compressed bodies without zlib.
enum TestInflater {
    struct Failure: Error {}

    static func gunzip(_ data: Data) throws -> Data {
        let bytes = [UInt8](data)
        guard bytes.count >= 18, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 8, bytes[3] == 0 else {
            throw Failure()
        }
        let (output, _) = try inflate(Array(bytes[10...]))
        let trailer = Array(bytes.suffix(8))
        let crc = UInt32(trailer[0]) | UInt32(trailer[1]) << 8 | UInt32(trailer[2]) << 16 | UInt32(trailer[3]) << 24
        let size = UInt32(trailer[4]) | UInt32(trailer[5]) << 8 | UInt32(trailer[6]) << 16 | UInt32(trailer[7]) << 24
        let result = Data(output)
        guard crc == Compression.crc32(result), size == UInt32(truncatingIfNeeded: output.count) else {
            throw Failure()
        }
        return result
    }

    static func inflate(_ input: [UInt8]) throws -> ([UInt8], Int) {
        var reader = BitReader(bytes: input)
        var out: [UInt8] = []
        let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        let distBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
        let distExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
        var final = false
        while !final {
            final = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0:
                reader.alignToByte()
                let len = try reader.bits(16)
                let nlen = try reader.bits(16)
                guard len == ~nlen & 0xFFFF else { throw Failure() }
                for _ in 0..<len { out.append(UInt8(try reader.bits(8))) }
            case 1:
                while true {
                    let symbol = try fixedLiteral(&reader)
                    if symbol < 256 {
                        out.append(UInt8(symbol))
                    } else if symbol == 256 {
                        break
                    } else {
                        let li = symbol - 257
                        guard li < lengthBase.count else { throw Failure() }
                        let length = lengthBase[li] + (try reader.bits(lengthExtra[li]))
                        let di = try reader.reversedBits(5)
                        guard di < distBase.count else { throw Failure() }
                        let distance = distBase[di] + (try reader.bits(distExtra[di]))
                        guard distance <= out.count else { throw Failure() }
                        for _ in 0..<length { out.append(out[out.count - distance]) }
                    }
                }
            default:
                throw Failure()
            }
        }
        return (out, reader.position)
    }

    private static func fixedLiteral(_ reader: inout BitReader) throws -> Int {
        var code = try reader.reversedBits(7)
        if code <= 0x17 { return code + 256 }
        code = code << 1 | (try reader.bits(1))
        if (0x30...0xBF).contains(code) { return code - 0x30 }
        if (0xC0...0xC7).contains(code) { return code - 0xC0 + 280 }
        code = code << 1 | (try reader.bits(1))
        if (0x190...0x1FF).contains(code) { return code - 0x190 + 144 }
        throw Failure()
    }

    struct BitReader {
        let bytes: [UInt8]
        var bitPosition = 0
        var position: Int { (bitPosition + 7) / 8 }

        mutating func bits(_ count: Int) throws -> Int {
            var value = 0
            for i in 0..<count {
                let byte = bitPosition / 8
                guard byte < bytes.count else { throw Failure() }
                value |= Int((bytes[byte] >> UInt8(bitPosition % 8)) & 1) << i
                bitPosition += 1
            }
            return value
        }

        mutating func reversedBits(_ count: Int) throws -> Int {
            var value = 0
            for _ in 0..<count { value = value << 1 | (try bits(1)) }
            return value
        }

        mutating func alignToByte() {
            bitPosition = (bitPosition + 7) / 8 * 8
        }
    }
}
