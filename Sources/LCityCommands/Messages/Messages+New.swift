import LCityContent

// What `new city` prints.

extension Message {
    static let frameworkMustLoad = Message(
        en: "the framework must load before a city file can be generated",
        zh: "必须先能正常读取框架文件，才能生成城市文件")
    static func alreadyExists(_ path: String) -> Message {
        Message(en: "\(path) already exists (use --force to overwrite)", zh: "\(path) 已存在（如需覆盖，请加 --force）")
    }
    static func wroteCityFile(_ path: String, measures: Int) -> Message {
        Message(en: "wrote \(path) with \(measures) measures to fill in", zh: "已写入 \(path)，共有 \(measures) 个测量点待填写")
    }
    static let nextCheck = Message(
        en: "next: fill in the fields, then run 'lcity-site check'", zh: "下一步：填写各字段，然后运行“lcity-site check”")
}
