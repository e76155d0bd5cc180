import DatadogRuntime
import Foundation
import XCTest

final class BodyCursorTests: XCTestCase {
    struct Page: Codable, Equatable { var cursor: String?; var limit: Int? }
    struct Body: Codable, Equatable { var query: String; var page: Page? }

    func testSetsTheCursorKeepingTheRest() throws {
        let body = Body(query: "q", page: Page(cursor: nil, limit: 2))
        XCTAssertEqual(try BodyCursor.setting("c2", at: ["page", "cursor"], in: body), Body(query: "q", page: Page(cursor: "c2", limit: 2)))
        XCTAssertEqual(try BodyCursor.setting("c2", at: ["page", "cursor"], in: Body(query: "q", page: nil)),
                       Body(query: "q", page: Page(cursor: "c2", limit: nil)))
    }

    func testFirstPageKeepsTheCallersBody() throws {
        let body = Body(query: "q", page: Page(cursor: "start", limit: nil))
        XCTAssertEqual(try BodyCursor.setting(nil, at: ["page", "cursor"], in: body), body)
        XCTAssertNil(try BodyCursor.setting(nil, at: ["page", "cursor"], in: Body?.none))
    }

    func testMissingOptionalBodyStartsEmpty() throws {
        let page: Page? = try BodyCursor.setting("c", at: ["cursor"], in: Page?.none)
        XCTAssertEqual(page, Page(cursor: "c", limit: nil))
        // A body with a required field cannot be made from nothing: a decoding error, not a crash.
        XCTAssertThrowsError(try BodyCursor.setting("c", at: ["page", "cursor"], in: Body?.none)) { error in
            guard case DatadogClientError.decoding = error else { return XCTFail("\(error)") }
        }
    }
}
