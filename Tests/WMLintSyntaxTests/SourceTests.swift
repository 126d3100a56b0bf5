import Testing
import WMLintSource

@Suite struct LineTableTests {
    @Test func columnsCountScalarsAndUTF16Units() {
        let bytes = Array("a日本\n😀x\r\nz".utf8)
        let table = LineTable(bytes)
        let afterEmoji = Array("a日本\n".utf8).count + 4
        let location = table.location(of: afterEmoji, in: bytes)
        #expect(location.line == 2)
        #expect(location.column == 2)
        #expect(location.utf16Column == 3)
        #expect(table.location(of: 1000, in: bytes).offset == bytes.count)
    }
}
