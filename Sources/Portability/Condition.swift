/// What a `#if`/`#elseif` condition says about the platforms that compile its branch.
public enum Condition {
    static let linuxTest = #"os\(\s*(Linux|Android)\s*\)|canImport\(\s*(Glibc|Musl|Bionic|FoundationNetworking)\s*\)"#
    static let darwinTest = #"canImport\(\s*Darwin\s*\)|os\(\s*(macOS|iOS|tvOS|watchOS|visionOS)\s*\)"#
    static let linux = PythonRegex(linuxTest)
    static let darwin = PythonRegex(darwinTest)
    static let notLinux = PythonRegex(#"!\s*("# + linuxTest + ")")
    static let notDarwin = PythonRegex(#"!\s*("# + darwinTest + ")")

    /// (only Linux-like platforms compile this branch, the condition is true on Darwin only).
    /// `linux || darwin` conditions (or their negations) hold on both, so neither.
    public static func classify(_ condition: String) -> (linuxOnly: Bool, darwinOnly: Bool) {
        let darwinExcluded = notDarwin.search(condition)
        let linuxExcluded = notLinux.search(condition)
        let plain = notLinux.removingMatches(notDarwin.removingMatches(condition))
        let linuxTested = linux.search(plain), darwinTested = darwin.search(plain)
        if condition.contains("||") && (linuxTested || darwinExcluded) && (darwinTested || linuxExcluded) {
            return (false, false)
        }
        return (linuxTested || darwinExcluded, darwinTested || linuxExcluded)
    }
}
