import Foundation
import Testing

@testable import PipewatchStore

@Suite("check results' lists of strings as JSON")
struct JSONStringListTests {
    static let awkward = [
        "", "plain", #"say "hi""#, #"C:\temp\"#, "two\nlines\r\tand a tab", "bell \u{07} and \u{1F}",
        "é, 中文, 🙂", "a/b", #"SELECT * FROM "bench"."orders" WHERE "amount" < 0 LIMIT 5"#,
    ]

    @Test("what is written reads back the same, and is JSON that Foundation reads the same")
    func roundTrip() throws {
        for list in [[], Self.awkward, [Self.awkward.joined()]] {
            let text = JSONStringList.encode(list)
            #expect(JSONStringList.decode(text) == list)
            #expect(try JSONDecoder().decode([String].self, from: Data(text.utf8)) == list)
        }
    }

    @Test("what Foundation's encoder wrote reads the same")
    func readsFoundation() throws {
        let text = String(decoding: try JSONEncoder().encode(Self.awkward), as: UTF8.self)
        #expect(text.contains(#"\/"#))
        #expect(JSONStringList.decode(text) == Self.awkward)
        #expect(JSONStringList.decode(#" [ "\u00e9\ud83d\ude42" , "x" ] "#) == ["é🙂", "x"])
    }

    @Test("text that is not a list of strings reads as nothing")
    func rejects() {
        for text in ["", "[", #"["a""#, #"["a" "b"]"#, "[1]", #"{"a": "b"}"#, #"["\x"]"#, #"["\ud83d"]"#, #"["a"] x"#] {
            #expect(JSONStringList.decode(text) == nil, "\(text)")
        }
    }
}
