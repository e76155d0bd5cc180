import Foundation

/// The results of a pure function, kept by argument (lock-protected: the values that hold a memo are
/// `Sendable` and the API versions are built concurrently). Only a function whose result depends on
/// nothing but `Key` and what the memo's owner holds unchanged may be memoised (an owner that changes
/// starts a new memo), so a memo changes no output, only how often the work is done.
final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    private var results: [Key: Value] = [:]
    private let lock = NSLock()

    /// The result for `key`, computed by `compute` the first time it is asked for.
    func value(_ key: Key, _ compute: () -> Value) -> Value {
        lock.lock()
        if let known = results[key] { lock.unlock(); return known }
        lock.unlock()
        let value = compute()
        lock.lock()
        results[key] = value
        lock.unlock()
        return value
    }
}
