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

/// Decompresses with an implementation independent of the runtime: Python's zlib, else the
/// `gzip` program (gzip only); the test is skipped when neither is installed.
enum IndependentInflater {
    enum Format {
        case gzip, zlib
    }

    static func decompress(_ data: Data, _ format: Format) throws -> Data {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        if let python {
            let bits = format == .gzip ? 31 : 15
            return try run(
                python,
                ["-c", "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(sys.stdin.buffer.read(), \(bits)))"],
                input: data)
        }
        let gzip = ["/usr/bin/gzip", "/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) }
        if let gzip, format == .gzip {
            return try run(gzip, ["-dc"], input: data)
        }
        throw XCTSkip("no independent zlib decoder (python3 or gzip) installed")
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private static func run(_ path: String, _ arguments: [String], input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let writer = stdin.fileHandleForWriting
        DispatchQueue.global().async {
            writer.write(input)
            try? writer.close()
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(path) failed with status \(process.terminationStatus)")
        }
        return output
    }
}
