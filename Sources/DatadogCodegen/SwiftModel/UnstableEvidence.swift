extension OperationBuilder {
    /// Whether the official clients refuse the operation until it is enabled, from the strongest
    /// signal the page gives:
    ///
    /// 1. The code examples: the official clients' examples enable an unstable operation before
    ///    calling it (`configuration.SetUnstableOperationEnabled("v2.ListThings", true)`,
    ///    `configuration.unstable_operations["list_things"] = True`, …). Examples in a client
    ///    language that call the operation without that line say it is stable.
    /// 2. The path: `/api/unstable/…`.
    /// 3. The notice before the site table. The docs print it only for operations the specification
    ///    marks unstable, in many wordings (`in preview`, `public beta`, `may be subject to changes`,
    ///    even `This endpoint is deprecated.`). Any paragraph there counts; one that reads like none of
    ///    the known wordings is a warning with its line, and still unstable: never silently stable.
    static func isUnstable(_ operation: PageOperation, hints: CodeExampleHints, operationID: String,
                           log: inout DiagnosticLog) -> Bool {
        if hints.hasClientExample { return hints.enablesUnstable(operationID, version: operation.version) }
        if operation.path.split(separator: "/").prefix(2).map(String.init) == ["api", "unstable"] { return true }
        guard let notice = operation.notes.first else { return false }
        if !isKnownNotice(notice.text) {
            log.warning(notice.line, "cannot classify the note before the site table (`\(notice.text.prefix(80))`) as a preview or deprecation notice; "
                        + "the operation is marked unstable, as the docs print a note there only for unstable operations")
        }
        return true
    }

    /// Whether a notice reads like one of the docs' preview, beta or deprecation notices.
    static func isKnownNotice(_ text: String) -> Bool {
        let lower = text.lowercased()
        return noticeWords.contains { lower.contains($0) }
    }

    static let noticeWords = ["preview", "beta", "alpha", "experimental", "unstable", "subject to change", "may change",
                              "breaking change", "deprecat", "not yet recommended", "early access"]
}
