import AsyncHTTPClient
import DatadogAsyncHTTPClient
import DatadogRuntime
import XCTest

/// The fault suite over ``URLSessionTransport``.
final class URLSessionTransportTests: XCTestCase {
    let scenarios = TransportScenarios { URLSessionTransport() }

    func testCrossOriginRedirectIsNotFollowed() async throws { try await scenarios.crossOriginRedirectIsNotFollowed() }
    func testCrossOriginRedirectOptInDropsCredentials() async throws { try await scenarios.crossOriginRedirectOptInDropsCredentials() }
    func testSameOriginRedirects() async throws { try await scenarios.sameOriginRedirects() }
    func testSilentServerTimesOut() async throws { try await scenarios.silentServerTimesOut() }
    func testTricklingBodyFailsAtTheDeadline() async throws { try await scenarios.tricklingBodyFailsAtTheDeadline() }
    func testCallDeadlineBoundsRetries() async throws { try await scenarios.callDeadlineBoundsRetries() }
    func testTruncatedAndGarbageAnswersFail() async throws { try await scenarios.truncatedAndGarbageAnswersFail() }
    func testTransportFailuresAreTyped() async throws { try await scenarios.transportFailuresAreTyped() }
    func testLargeBody() async throws { try await scenarios.largeBody() }
    func testServerErrorsRetriedForIdempotentMethodsOnly() async throws { try await scenarios.serverErrorsRetriedForIdempotentMethodsOnly() }
    func testConnectionErrorsRetriedForIdempotentMethodsOnly() async throws { try await scenarios.connectionErrorsRetriedForIdempotentMethodsOnly() }
    func testHugeRateLimitResetFailsAtOnce() async throws { try await scenarios.hugeRateLimitResetFailsAtOnce() }
    func testHTTPDateRetryAfter() async throws { try await scenarios.httpDateRetryAfter() }
    func testEndlessPaginationStopsAtTheLimit() async throws { try await scenarios.endlessPaginationStopsAtTheLimit() }
    func testCyclicCursorsAreDetected() async throws { try await scenarios.cyclicCursorsAreDetected() }
    func testConcurrentCalls() async throws { try await scenarios.concurrentCalls() }
    func testCancellation() async throws { try await scenarios.cancellation() }
    func testTransportIsReleased() async throws { try await scenarios.transportIsReleased() }
}

/// The same fault suite over ``AsyncHTTPClientTransport``.
final class AsyncHTTPClientTransportTests: XCTestCase {
    let scenarios = TransportScenarios { AsyncHTTPClientTransport() }

    func testCrossOriginRedirectIsNotFollowed() async throws { try await scenarios.crossOriginRedirectIsNotFollowed() }
    func testCrossOriginRedirectOptInDropsCredentials() async throws { try await scenarios.crossOriginRedirectOptInDropsCredentials() }
    func testSameOriginRedirects() async throws { try await scenarios.sameOriginRedirects() }
    func testSilentServerTimesOut() async throws { try await scenarios.silentServerTimesOut() }
    func testTricklingBodyFailsAtTheDeadline() async throws { try await scenarios.tricklingBodyFailsAtTheDeadline() }
    func testCallDeadlineBoundsRetries() async throws { try await scenarios.callDeadlineBoundsRetries() }
    func testTruncatedAndGarbageAnswersFail() async throws { try await scenarios.truncatedAndGarbageAnswersFail() }
    func testTransportFailuresAreTyped() async throws {
        try await scenarios.transportFailuresAreTyped {
            var configuration = HTTPClient.Configuration()
            configuration.timeout.connect = .milliseconds(500)
            return AsyncHTTPClientTransport(configuration: configuration)
        }
    }
    func testLargeBody() async throws { try await scenarios.largeBody() }
    func testServerErrorsRetriedForIdempotentMethodsOnly() async throws { try await scenarios.serverErrorsRetriedForIdempotentMethodsOnly() }
    func testConnectionErrorsRetriedForIdempotentMethodsOnly() async throws { try await scenarios.connectionErrorsRetriedForIdempotentMethodsOnly() }
    func testHugeRateLimitResetFailsAtOnce() async throws { try await scenarios.hugeRateLimitResetFailsAtOnce() }
    func testHTTPDateRetryAfter() async throws { try await scenarios.httpDateRetryAfter() }
    func testEndlessPaginationStopsAtTheLimit() async throws { try await scenarios.endlessPaginationStopsAtTheLimit() }
    func testCyclicCursorsAreDetected() async throws { try await scenarios.cyclicCursorsAreDetected() }
    func testConcurrentCalls() async throws { try await scenarios.concurrentCalls() }
    func testCancellation() async throws { try await scenarios.cancellation() }
    func testTransportIsReleased() async throws { try await scenarios.transportIsReleased() }
}
