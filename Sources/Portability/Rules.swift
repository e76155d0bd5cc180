/// A spelling that exists only on Linux (Glibc/Musl), with what to use instead.
///
/// Some names below are written with one letter in a class (`eventf[d]`): the same match, but this
/// file's own text then holds no Linux-only spelling, and the checker passes its own check.
public struct Rule: Sendable {
    public let pattern: PythonRegex
    public let message: String

    /// In order: a line reports the first rule it breaks.
    public static let all: [Rule] = [
        Rule(pattern: PythonRegex(#"\bst_[amc]tim\b"#),
             message: "Glibc stat field (Darwin: st_mtimespec); use FileManager/URLResourceValues"),
        Rule(pattern: PythonRegex(#"/proc\/"#),
             message: "/proc is Linux-only; use Bundle.main.executableURL, ProcessInfo, FileManager"),
        Rule(pattern: PythonRegex(#"^\s*(@\w+\s+)*import\s+(Glibc|Musl|Bionic)\b"#),
             message: "C library import without a platform #if; Foundation already exports it"),
        Rule(pattern: PythonRegex(#"\b(Glibc|Musl)\."#),
             message: "Glibc/Musl-qualified name"),
        Rule(pattern: PythonRegex(#"^\s*(@\w+\s+)*import\s+FoundationNetworking\b"#),
             message: "FoundationNetworking exists on Linux only: wrap in #if canImport(FoundationNetworking)"),
        Rule(pattern: PythonRegex(
                #"\b(epoll_\w+|inotify_\w+|eventf[d]|timerfd_\w+|signalf[d]|renameat[2]|RENAME_NOREPLAC[E]|O_TMPFIL[E]|sched_getaffinit[y]|get_nproc[s]\w*|prct[l]|mallinf[o]2?|malloc_tri[m]|malloc_usable_siz[e]|pipe[2]|accept[4]|memfd_creat[e])\b"#),
             message: "Linux-only system call"),
        Rule(pattern: PythonRegex(#"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\.rawValue\b"#),
             message: "Glibc imports this C enum as a Swift enum; Darwin as a plain integer"),
    ]

    /// The message of the first rule `code` breaks.
    public static func firstBroken(by code: String) -> String? {
        all.first { $0.pattern.search(code) }?.message
    }
}
