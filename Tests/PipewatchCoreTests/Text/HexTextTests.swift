import PipewatchCore
import Testing

@Suite("hex text")
struct HexTextTests {
    @Test("bytes become two lowercase digits each, leading zeros kept")
    func digits() {
        #expect(HexText.encode([0x00, 0x0f, 0xa0, 0xff, 0x7e]) == "000fa0ff7e")
        #expect(HexText.encode([UInt8]()) == "")
    }

    @Test("every byte value matches the C formatter's %02x")
    func everyByte() {
        let all = (0...255).map(UInt8.init)
        let expected = all.map { byte -> String in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
        #expect(HexText.encode(all) == expected)
    }
}
