import WMLintSource

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if canImport(Glibc)
    typealias DirectoryStream = OpaquePointer
#else
    typealias DirectoryStream = UnsafeMutablePointer<DIR>
#endif

/// The few file-system calls wmlint needs, over the C library (no Foundation on the start-up path).
enum FileSystem {
    enum Kind {
        case regular
        case directory
        case other
    }

    /// Why a file could not be read.
    enum ReadError: Error, Equatable {
        case missing
        case notRegular
        case tooLarge(size: Int)
        case unreadable(String)
    }

    /// The longest path the system opens in one call (`PATH_MAX`, its NUL included).
    static let pathLimit = Int(PATH_MAX)

    /// Calls `body` with a directory descriptor and a name relative to it that together reach `path` (its bytes as
    /// ``FileName`` keeps them): `AT_FDCWD` and the path itself when it is short enough, else the descriptor of
    /// its parent directory, opened a run of components at a time with `openat`, so that a path longer than
    /// `PATH_MAX` is reached all the same. `failure` when that directory cannot be opened (`errno` says why).
    static func at<Result>(
        _ path: String, failure: Result, _ body: (_ directory: Int32, _ name: UnsafePointer<CChar>) -> Result
    ) -> Result {
        // The usual case: a UTF-8 name short enough to open, passed as it is stored.
        if path.utf8.count < pathLimit && !path.utf8.contains(0xF4) {
            return path.withCString { body(AT_FDCWD, $0) }
        }
        let bytes = FileName.cString(path)
        if bytes.count <= pathLimit {
            return bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return failure }
                return body(AT_FDCWD, base)
            }
        }
        let raw = bytes.dropLast().map { UInt8(bitPattern: $0) }
        guard let slash = raw.lastIndex(of: UInt8(ascii: "/")) else {
            errno = ENAMETOOLONG
            return failure
        }
        let name = Array(raw[(slash + 1)...])
        var descriptor = AT_FDCWD
        var start = 0
        if raw.first == UInt8(ascii: "/") {
            descriptor = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { return failure }
            start = 1
        }
        // Whole components, each run shorter than the limit (a component is at most NAME_MAX bytes).
        while start < slash {
            var end = slash
            while end - start >= pathLimit - 1 {
                guard let previous = raw[start..<end].lastIndex(of: UInt8(ascii: "/")), previous > start else {
                    if descriptor != AT_FDCWD { close(descriptor) }
                    errno = ENAMETOOLONG
                    return failure
                }
                end = previous
            }
            var run = raw[start..<end].map { CChar(bitPattern: $0) }
            run.append(0)
            let next = openat(descriptor, run, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            let saved = errno
            if descriptor != AT_FDCWD { close(descriptor) }
            guard next >= 0 else {
                errno = saved
                return failure
            }
            descriptor = next
            start = end + 1
        }
        defer { if descriptor != AT_FDCWD { close(descriptor) } }
        var last = (name.isEmpty ? [UInt8(ascii: ".")] : name).map { CChar(bitPattern: $0) }
        last.append(0)
        return body(descriptor, last)
    }

    /// `stat` (or `lstat`, with `noFollow`) of `path`, however long; 0 or -1 with `errno` set.
    static func status(_ path: String, _ info: inout stat, noFollow: Bool = false) -> Int32 {
        at(path, failure: -1) { directory, name in
            fstatat(directory, name, &info, noFollow ? AT_SYMLINK_NOFOLLOW : 0)
        }
    }

    /// `open` of `path`, however long: a descriptor, or -1 with `errno` set.
    static func openFile(_ path: String, _ flags: Int32) -> Int32 {
        at(path, failure: -1) { directory, name in openat(directory, name, flags) }
    }

    /// What `path` is, following symlinks; `nil` when it does not exist.
    static func kind(of path: String) -> Kind? {
        var info = stat()
        guard status(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The identity of a directory (device and inode), for loop detection.
    static func identity(of path: String) -> [UInt64]? {
        var info = stat()
        guard status(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    /// Whether the process may read `path`.
    static func isReadable(_ path: String) -> Bool {
        at(path, failure: false) { directory, name in faccessat(directory, name, R_OK, 0) == 0 }
    }

    /// Whether `path` itself is a symbolic link.
    static func isSymlink(_ path: String) -> Bool {
        var info = stat()
        guard status(path, &info, noFollow: true) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFLNK
    }

    /// Reads a regular file of at most `maxSize` bytes. Anything else (a FIFO, a device) is never opened;
    /// `noFollow` refuses a symbolic link in the last component (for canonical paths checked beforehand).
    /// `isKnownRegular` skips the `stat` before opening, for a file just found regular (the descriptor is checked
    /// again with `fstat`).
    static func read(
        _ path: String, maxSize: Int, noFollow: Bool = false, isKnownRegular: Bool = false
    ) -> Result<[UInt8], ReadError> {
        if !isKnownRegular {
            var info = stat()
            guard status(path, &info) == 0 else {
                return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(errorText()))
            }
            guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        }
        let descriptor = openFile(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (noFollow ? O_NOFOLLOW : 0))
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(errorText()))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(errorText())) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        let size = Int(info.st_size)
        guard size <= maxSize else { return .failure(.tooLarge(size: size)) }
        // Read straight into the array's storage: no zero-filling pass over the bytes first.
        var failure: ReadError?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var total = 0
            while total < size {
                let count = systemRead(descriptor, buffer.baseAddress.map { $0 + total }, size - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = .unreadable(errorText())
                    break
                }
                if count == 0 { break }
                total += count
            }
            initialized = total
        }
        if let failure { return .failure(failure) }
        return .success(bytes)
    }

    /// Reads at most `limit` bytes from the start of a regular file (for sniffing).
    static func readPrefix(_ path: String, limit: Int) -> [UInt8]? {
        let descriptor = openFile(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: limit)
        let count = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, limit) }
        guard count >= 0 else { return nil }
        bytes.removeLast(limit - count)
        return bytes
    }

    /// Reads all of standard input, up to `maxSize + 1` bytes.
    static func readStandardInput(maxSize: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while bytes.count <= maxSize {
            let count = chunk.withUnsafeMutableBytes { systemRead(0, $0.baseAddress, 65536) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// The entries of a directory (without `.` and `..`), sorted by name; `nil` when it cannot be listed.
    static func entries(of directory: String) -> [String]? {
        typedEntries(of: directory)?.map(\.name)
    }

    /// What a directory entry is, as far as the directory itself says.
    enum EntryType {
        /// A regular file, not a symbolic link.
        case regular
        /// A directory, not a symbolic link.
        case directory
        /// A symbolic link, something else, or not said (`DT_UNKNOWN`): `lstat`/`stat` must tell.
        case unknown
    }

    /// The entries of a directory (without `.` and `..`) with their type from `readdir`, sorted by name (as
    /// ``entries(of:)``); `nil` when it cannot be listed.
    static func typedEntries(of directory: String) -> [(name: String, type: EntryType)]? {
        guard let handle = openDirectory(directory) else { return nil }
        defer { closedir(handle) }
        var result: [(name: String, type: EntryType)] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) { name in
                    FileName.decode(
                        UnsafeBufferPointer(
                            start: name, count: strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))))
                }
            }
            guard name != "." && name != ".." else { continue }
            let type: EntryType
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): type = .regular
            case Int32(DT_DIR): type = .directory
            default: type = .unknown
            }
            result.append((name, type))
        }
        return result.sorted { $0.name < $1.name }
    }

    /// A directory stream of `path`, however long; `nil` when it cannot be opened.
    static func openDirectory(_ path: String) -> DirectoryStream? {
        let descriptor = openFile(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard let handle = fdopendir(descriptor) else {
            close(descriptor)
            return nil
        }
        return handle
    }

    /// The canonical absolute path (symlinks resolved), or `nil` when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(FileName.cString(path), nil) else { return nil }
        defer { free(resolved) }
        return FileName.decode(
            UnsafeBufferPointer(
                start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: strlen(resolved)))
    }

    /// The current directory.
    static func currentDirectory() -> String {
        guard let directory = getcwd(nil, 0) else { return "." }
        defer { free(directory) }
        return FileName.decode(
            UnsafeBufferPointer(
                start: UnsafeRawPointer(directory).assumingMemoryBound(to: UInt8.self), count: strlen(directory)))
    }

    /// `read(2)`: bytes read (0 at the end of the file), or -1 with `errno` set.
    static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, buffer, count)
        #else
            Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// `write(2)`: bytes written, or -1 with `errno` set.
    static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, bytes, count)
        #else
            Darwin.write(descriptor, bytes, count)
        #endif
    }

    /// Writes all of `bytes` to `descriptor` with `write` (the system's, unless a test injects failures), retrying
    /// short writes and interruptions; the failure's text, or `nil`.
    static func writeAll(
        _ bytes: UnsafeRawBufferPointer, to descriptor: Int32,
        using write: (Int32, UnsafeRawPointer, Int) -> Int = systemWrite
    ) -> String? {
        guard let base = bytes.baseAddress else { return nil }
        var written = 0
        while written < bytes.count {
            let count = write(descriptor, base + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                return errorText()
            }
            if count == 0 { return "nothing could be written" }
            written += count
        }
        return nil
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}

/// Path arithmetic on `/`-separated strings.
enum Path {
    static func join(_ base: String, _ component: String) -> String {
        // Each `hasPrefix`/`hasSuffix` (which compare characters) only when the byte there is a slash at all.
        let isAbsolute = component.utf8.first == UInt8(ascii: "/") && component.hasPrefix("/")
        if isAbsolute || base.isEmpty || base == "." { return component }
        // One allocation: `base + "/" + component` builds an intermediate string.
        var joined = base
        let slash = base.utf8.last == UInt8(ascii: "/") && base.hasSuffix("/") ? 0 : 1
        joined.reserveCapacity(base.utf8.count + slash + component.utf8.count)
        if slash == 1 { joined.append("/") }
        joined.append(component)
        return joined
    }

    static func directory(of path: String) -> String {
        guard let slash = lastSlash(path) else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    static func basename(_ path: String) -> String {
        guard let slash = lastSlash(path) else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Whether `path` and `other` are both plain file names (not empty, `.` or `..`) in one directory, written
    /// with the same bytes up to their last `/` (or both without one).
    static func arePlainNamesInOneDirectory(_ path: String, _ other: String) -> Bool {
        let fast = path.utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in plainNamesInOneDirectory(a, b) }
        }
        if let fast, let answer = fast { return answer }
        return plainNamesInOneDirectory(Array(path.utf8), Array(other.utf8))
    }

    /// ``arePlainNamesInOneDirectory(_:_:)`` over two paths' UTF-8 bytes; also `false` when a last `/` touches a
    /// non-ASCII byte (it may then belong to a character with a combining mark: the caller looks the path up).
    private static func plainNamesInOneDirectory<Bytes: RandomAccessCollection<UInt8>>(
        _ a: Bytes, _ b: Bytes
    ) -> Bool where Bytes.Index == Int {
        /// The last slash's index (`.some(nil)` without one), or `nil` when it touches a non-ASCII byte.
        func lastSlash(_ bytes: Bytes) -> Int?? {
            guard let index = bytes.lastIndex(of: UInt8(ascii: "/")) else { return .some(nil) }
            let before = index == bytes.startIndex || bytes[index - 1] < 0x80
            let after = index + 1 == bytes.endIndex || bytes[index + 1] < 0x80
            return before && after ? .some(index) : nil
        }
        func isPlainName(_ bytes: Bytes, after slash: Int?) -> Bool {
            let name = bytes[(slash.map { $0 + 1 } ?? bytes.startIndex)...]
            let dot = UInt8(ascii: ".")
            switch name.count {
            case 0: return false
            case 1: return name.first != dot
            case 2: return !name.allSatisfy { $0 == dot }
            default: return true
            }
        }
        guard case .some(let slash) = lastSlash(a), case .some(let otherSlash) = lastSlash(b) else { return false }
        guard (slash == nil) == (otherSlash == nil), isPlainName(a, after: slash), isPlainName(b, after: otherSlash)
        else { return false }
        guard let slash, let otherSlash else { return true }
        return slash == otherSlash && a[..<slash].elementsEqual(b[..<otherSlash])
    }

    /// The index of the last `/` character of `path`. Found by byte when that slash stands between ASCII bytes
    /// (then it is a character of its own); else by character, as a slash joined to a combining mark is not one.
    private static func lastSlash(_ path: String) -> String.Index? {
        let utf8 = path.utf8
        guard let index = utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        let after = utf8.index(after: index)
        let standsAlone =
            (after == utf8.endIndex || utf8[after] < 0x80)
            && (index == utf8.startIndex || utf8[utf8.index(before: index)] < 0x80)
        return standsAlone ? index : path.lastIndex(of: "/")
    }

    /// Whether `path` is `root` or inside it (both canonical absolute paths).
    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// `path` relative to `base` when inside it, else `path` unchanged (both canonical absolute paths).
    static func relative(_ path: String, to base: String) -> String {
        guard path != base else { return "." }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// `path` made absolute against `base` (a canonical absolute path), with `.` and `..` resolved by name only:
    /// no link is followed and nothing is looked up.
    static func lexicalAbsolute(_ path: String, base: String) -> String {
        var parts: [Substring] = []
        let whole = path.hasPrefix("/") ? path : base + "/" + path
        for part in whole.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The version-control directories whose contents are never read (a checkout's `.git/config` can hold the
    /// job's token).
    static let versionControlDirectories: Set<Substring> = [".git", ".hg", ".svn"]

    /// The version-control directory that `path` lies in or names (`.git`, `.hg`, `.svn`), if any.
    static func versionControlDirectory(in path: String) -> Substring? {
        path.split(separator: "/").first { versionControlDirectories.contains($0) }
    }

    /// Removes `./` segments and a trailing `/` for display.
    static func clean(_ path: String) -> String {
        var result = path
        // The bytes first: `hasPrefix` and `hasSuffix` compare characters, and `count` walks every character.
        while result.utf8.first == UInt8(ascii: "."), result.hasPrefix("./") && result.count > 2 {
            result.removeFirst(2)
        }
        while result.utf8.last == UInt8(ascii: "/"), result.hasSuffix("/") && result.count > 1 { result.removeLast() }
        return result
    }
}
