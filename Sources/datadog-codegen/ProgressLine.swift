import Foundation

/// A one-line status on standard error (`datadog-codegen: generating 939 pages… 3s`) that
/// appears only when the run has lasted longer than a second and standard error is a terminal,
/// and is erased when the run ends. Safe to update from any thread.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private var status = ""
    private var shown = false
    private var finished = false
    private var timer: DispatchSourceTimer?
    private let startTime = DispatchTime.now()

    /// - Parameter enabled: Defaults to whether standard error is a terminal (and `TERM` is not `dumb`).
    init(label: String, enabled: Bool = ProgressLine.stderrIsTerminal) {
        self.label = label
        self.enabled = enabled
    }

    static var stderrIsTerminal: Bool {
        isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Starts redrawing the line every quarter second, from one second on.
    func start() {
        guard enabled else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + 1, repeating: 0.25)
        timer.setEventHandler { [weak self] in self?.draw() }
        lock.lock()
        self.timer = timer
        lock.unlock()
        timer.resume()
    }

    /// Sets what the line says after the label (for example `parsing 939 pages`).
    func update(_ status: String) {
        lock.lock()
        self.status = status
        lock.unlock()
    }

    /// Stops the timer and erases the line if it was shown.
    func finish() {
        lock.lock()
        finished = true
        let timer = self.timer
        self.timer = nil
        let wasShown = shown
        lock.unlock()
        timer?.cancel()
        if wasShown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private func draw() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - startTime.uptimeNanoseconds) / 1e9
        let line = "datadog-codegen: \(label)\(status.isEmpty ? "" : " " + status)… \(Int(seconds))s"
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        shown = true
    }
}
