/// Linux-only spellings for the tests' inputs, assembled at run time so that these files pass the
/// portability check themselves (they are part of its default paths).
enum Spelling {
    static let mtim = "st_" + "mtim"
    static let proc = "/pro" + "c/"
    static let importGlibc = "import " + "Glibc"
    static let glibcQualified = "Glibc" + ".stat()"
    static let importNetworking = "import " + "FoundationNetworking"
    static let epoll = "epoll" + "_create1(0)"
    static let rawValue = "RUSAGE_SELF" + ".rawValue"
    static let quotes = String(repeating: "\"", count: 3)
}

/// A file's text from its lines.
func text(_ lines: String...) -> String {
    lines.joined(separator: "\n")
}
