import Foundation

/// Waits between retries. Inject a fake in tests to record the waits instead of sleeping.
public protocol RetrySleeper: Sendable {
    /// Waits for `duration`.
    ///
    /// - Throws: `CancellationError` as soon as the calling task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The default ``RetrySleeper``, backed by `Task.sleep`.
public struct TaskSleeper: RetrySleeper {
    /// Creates a sleeper.
    public init() {}

    /// Sleeps with `Task.sleep(for:)`; throws `CancellationError` at once on cancellation.
    public func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        guard duration > .zero else { return }
        try await Task.sleep(for: duration)
    }
}
