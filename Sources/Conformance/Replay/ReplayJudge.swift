import Foundation

/// Figure 6's verdicts: each call's request against the recording, its response (a 2xx must return
/// and re-encode to the recorded body; an error status must throw `DatadogAPIError` with that status
/// and decode an `{"errors": …}` body), then the scenario's assertions that hold on the recording,
/// evaluated on the re-encoded result of its main call.
public struct ReplayJudge: Sendable {
    public struct Failure: Sendable {
        /// `cassette` for a main call, `cassette#N` for a page call.
        public var label: String
        public var reasons: [String]
        /// Index into the calls.
        public var call: Int
    }

    public var failures: [Failure] = []
    public var passed = 0
    /// Counts printed under the figure (assertions checked and skipped, error responses …).
    public var stats = Tally()

    /// `outputs`: the harness's lines by call id.
    public init(_ replay: ReplayCalls, outputs: [Int: ReplayOutput]) {
        var documents: [Int: (document: OrderedJSON?, succeeded: Bool, status: Int?)] = [:]
        var reasonsByCall: [Int: [String]] = [:]
        for (call, meta) in zip(replay.calls, replay.meta) {
            let (reasons, document, succeeded, status) = judge(call, meta, outputs[call.id])
            documents[call.id] = (document, succeeded, status)
            reasonsByCall[call.id] = reasons
        }
        // assertions: on the scenario's (last) main call; `items` over its main and page calls
        var order: [Int] = []
        var byCassette: [Int: [Int]] = [:]
        for (position, meta) in replay.meta.enumerated() {
            if byCassette[meta.cassette] == nil { order.append(meta.cassette) }
            byCassette[meta.cassette, default: []].append(position)
        }
        for cassette in order {
            let positions = byCassette[cassette] ?? []
            guard let main = positions.last(where: { replay.meta[$0].role == "main" }) else { continue }
            let call = replay.calls[main], meta = replay.meta[main]
            let (document, succeeded, status) = documents[call.id] ?? (nil, false, nil)
            let pages = positions.map { documents[replay.calls[$0].id]?.document }
            let failedBefore = positions.contains { (reasonsByCall[replay.calls[$0].id] ?? []).contains { !$0.hasPrefix("request:") } }
            let recorded = meta.interaction.response
            let recordedPages = positions.map { RecordedJSON.present(replay.meta[$0].interaction.response.body) }
            for assertion in replay.cassettes[meta.cassette].assertions {
                if failedBefore {
                    stats.add("assertions not checked (the call failed before)")
                    continue
                }
                if assertion.holdsOnRecording == false {
                    stats.add("assertions not holding on the recording (skipped)")
                    continue
                }
                // evaluated on the recording first: what this evaluator cannot confirm there is skipped
                let onRecording = AssertionCheck.evaluate(
                    assertion, document: RecordedJSON.present(recorded.json), succeeded: (200..<300).contains(recorded.statusCode ?? 0),
                    status: recorded.statusCode, pages: recordedPages)
                if onRecording != .holds {
                    stats.add("assertions not evaluable (skipped)")
                    continue
                }
                stats.add("assertions checked")
                if case .fails(let reason) = AssertionCheck.evaluate(assertion, document: document, succeeded: succeeded, status: status, pages: pages) {
                    reasonsByCall[call.id, default: []].append("assertion: \(assertion.kind ?? "None"): \(reason)")
                }
            }
        }
        for (position, (call, meta)) in zip(replay.calls, replay.meta).enumerated() {
            let reasons = reasonsByCall[call.id] ?? []
            let label = replay.cassettes[meta.cassette].name + (meta.role == "main" ? "" : "#\(call.interaction)")
            if reasons.isEmpty { passed += 1 } else { failures.append(Failure(label: label, reasons: reasons, call: position)) }
        }
    }

    /// One call's reasons, and the document its assertions are evaluated on (nil when none).
    mutating func judge(_ call: ReplayCalls.Call, _ meta: ReplayCalls.Meta, _ output: ReplayOutput?)
        -> (reasons: [String], document: OrderedJSON?, succeeded: Bool, status: Int?) {
        let response = meta.interaction.response
        let recordedStatus = response.statusCode ?? 0
        guard let output else { return (["harness: no result (crashed before this call?)"], nil, false, nil) }
        var reasons: [String] = []
        var document: OrderedJSON?
        var succeeded = false
        var status: Int?
        let sent = output.requests ?? []
        if let first = sent.first {
            if sent.count > 1 { reasons.append("request: \(sent.count) requests sent for one call") }
            reasons += RequestComparison.differences(first, meta)
        } else {
            reasons.append(output.error.flatMap { $0.isEmpty ? nil : $0 } ?? "harness: no request sent")
        }
        let outcome = output.outcome
        func parsed(_ text: String) -> OrderedJSON? { RecordedJSON.present(try? OrderedJSON.parse(text)) }
        if !sent.isEmpty {
            if (200..<300).contains(recordedStatus) {
                switch outcome {
                case "ok":
                    succeeded = true
                    if let json = output.json {
                        document = parsed(json)
                        if response.bodyFormat == "json" {
                            if let difference = RecordedJSON.difference(response.body, try? OrderedJSON.parse(json)) {
                                reasons.append("response: re-encoded " + difference)
                            }
                        } else if response.bodyFormat == "text" || response.bodyFormat == "base64" {
                            reasons.append("response: \(response.bodyFormat ?? "None") body decoded as JSON")
                        }
                    } else if let data = output.dataB64 {
                        let got = Data(base64Encoded: data) ?? Data()
                        if response.bodyFormat == "json" {
                            if String(data: got, encoding: .utf8) != nil, let value = try? OrderedJSON.parse(got) {
                                if RecordedJSON.difference(response.body, value) != nil { reasons.append("response: data body differs") }
                            } else if response.body?.string != String(decoding: got, as: UTF8.self) {
                                // a text result of a JSON string body: the string itself
                                reasons.append("response: data body differs")
                            }
                        } else if got != response.bytes {
                            reasons.append("response: data body differs")
                        }
                    } else {
                        stats.add("success responses not modelled (Void)", response.bodyFormat == "json" ? 1 : 0)
                    }
                case "client_error":
                    reasons.append("response: " + ReplayCategory.decodeErrorSummary(output.error ?? ""))
                case "api_error":
                    reasons.append("response: \(recordedStatus) answered, the SDK threw DatadogAPIError \(output.status.map(String.init) ?? "None")")
                case "error" where !(output.error ?? "").isEmpty:
                    reasons.append("response: " + (output.error ?? ""))
                default:
                    break
                }
            } else if outcome == "api_error" {
                status = output.status
                if status != recordedStatus {
                    reasons.append("response: DatadogAPIError status \(status.map(String.init) ?? "None"), recorded \(recordedStatus)")
                }
                let body = response.bodyFormat == "json" ? response.body : nil
                if let json = output.json {
                    document = parsed(json)
                } else if let body {
                    document = RecordedJSON.present(body)
                }
                if case .object? = body, body?["errors"] != nil {
                    if let json = output.json {
                        if let difference = RecordedJSON.difference(body, try? OrderedJSON.parse(json)) {
                            reasons.append("response: errorResponse re-encoded " + difference)
                        }
                    } else {
                        reasons.append("response: errors body not decoded into errorResponse")
                    }
                }
                stats.add("error responses")
            } else {
                let error = output.error.flatMap { $0.isEmpty ? nil : " (\(ReplayCategory.prefix($0, 200)))" } ?? ""
                reasons.append("response: \(recordedStatus) answered, the SDK returned \(PythonText.optional(outcome))" + error)
            }
        }
        return (reasons, document, succeeded, status ?? (succeeded ? nil : output.status))
    }
}
