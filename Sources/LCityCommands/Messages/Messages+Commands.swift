import LCityContent

// What the commands print themselves: build summaries, link-check totals, failures.

extension Message {
    static func buildFailed(errors: Int, output: String) -> Message {
        Message(
            en: "build failed: \(errors) error(s); \(output) was left as it was",
            zh: "生成失败：\(errors) 个错误；\(output) 保持原样，没有改动")
    }
    static func renderingProgress(_ done: Int, _ total: Int) -> Message {
        Message(en: "rendering \(done)/\(total) pages", zh: "正在生成网页 \(done)/\(total)")
    }
    static func built(
        pages: String, languages: Int, otherFiles: String, seconds: String, output: String
    ) -> Message {
        Message(
            en: "built \(pages) pages (\(languages) languages) and \(otherFiles) other files in \(seconds) s → \(output)",
            zh: "已生成 \(pages) 个网页（\(languages) 种语言）和 \(otherFiles) 个其他文件，用时 \(seconds) 秒 → \(output)")
    }
    static func phases(_ phases: String, kibibytes: String) -> Message {
        Message(en: "  \(phases); \(kibibytes) KiB written", zh: "  \(phases)；共写入 \(kibibytes) KiB")
    }
    static func linksChecked(links: String, pages: String, broken: Int) -> Message {
        Message(
            en: "checked \(links) internal links on \(pages) pages: \(broken) broken",
            zh: "检查了 \(pages) 个网页上的 \(links) 个内部链接：\(broken) 个失效")
    }
    static let portRange = Message(en: "--port must be 0–65535", zh: "--port 必须在 0–65535 之间")
    static func baseURLOption(_ given: String) -> Message {
        Message(
            en: "--base-url \(String(reflecting: given)) must be an absolute http(s) address without spaces or control characters, such as https://example.org/cities/",
            zh: "--base-url 写的 \(String(reflecting: given)) 必须是以 http:// 或 https:// 开头、不含空格和控制字符的完整网址，例如 https://example.org/cities/")
    }
    static func allowedHostNotAName(_ value: String) -> Message {
        Message(
            en: "--allowed-host takes a host name such as preview.example.org (no http://, no path), found '\(value)'",
            zh: "--allowed-host 需要一个主机名，例如 preview.example.org（不带 http://，也不带路径），现为“\(value)”")
    }
    static func commandError(_ message: Message) -> Message {
        Message(en: "error: \(message.en)", zh: "错误：\(message.zh)")
    }
}

// Releases and what changed.

extension Message {
    static let noReleaseInSettings = Message(
        en: "site.yaml names no release; add release: {version: \"2026.1\", date: 2026-11-30}",
        zh: "site.yaml 没有写发布版本；请添加 release: {version: \"2026.1\", date: 2026-11-30}")
    static func releaseUnchanged(_ version: String, _ file: String) -> Message {
        Message(
            en: "release \(version) is already kept in \(file), with the same data; nothing to do",
            zh: "\(version) 版已保存在 \(file) 中，数据相同；无需操作")
    }
    static func releaseAlreadyKept(_ version: String, _ file: String) -> Message {
        Message(
            en: "release \(version) is already kept in \(file) and the data have changed since; for a new release, raise release.version (and date) in site.yaml, or replace the kept release with --force",
            zh: "\(version) 版已保存在 \(file) 中，此后数据有变化；发布新版本请在 site.yaml 中提高 release.version（并更新 date），或用 --force 替换已保存的版本")
    }
    static func releaseKept(_ version: String, cities: String, values: String, file: String) -> Message {
        Message(
            en: "kept release \(version): \(cities) cities, \(values) values → \(file) (commit it)",
            zh: "已保存 \(version) 版：\(cities) 个城市，\(values) 个数值 → \(file)（请提交到仓库）")
    }
    static func releaseComparedWith(_ version: String, added: Int, revised: Int, withdrawn: Int, cities: Int) -> Message {
        Message(
            en: "since release \(version): \(added) values added, \(revised) revised, \(withdrawn) withdrawn, in \(cities) cities",
            zh: "与 \(version) 版相比：新增 \(added) 个数值，修改 \(revised) 个，撤回 \(withdrawn) 个，涉及 \(cities) 个城市")
    }
    static let noEarlierRelease = Message(
        en: "there is no earlier release in content/releases/ to compare with; name one with --from (a release version, a site folder or a git revision)",
        zh: "content/releases/ 中没有可比较的更早发布版本；请用 --from 指定一个（发布版本号、站点文件夹或 git 修订版本）")
    static func fromNotFound(_ from: String) -> Message {
        Message(
            en: "--from '\(from)' is neither a release kept in content/releases/, nor a site folder holding content/, nor a git revision of this repository",
            zh: "--from “\(from)”既不是 content/releases/ 中保存的发布版本，也不是包含 content/ 的站点文件夹，也不是本仓库的 git 修订版本")
    }
    static func fromDoesNotLoad(_ from: String) -> Message {
        Message(
            en: "the content of '\(from)' does not load; fix it there or compare with another revision",
            zh: "“\(from)”的内容无法加载；请先修正，或与其他修订版本比较")
    }
    static func gitFailed(_ detail: String) -> Message {
        Message(en: "git failed: \(detail)", zh: "git 运行失败：\(detail)")
    }
}
