import LCityContent

// Messages about templates: their folder, syntax, partials and the UI strings they use.

extension Message {
    static func noTemplatesFolder(_ path: String) -> Message {
        Message(en: "no templates folder at \(path)", zh: "\(path) 处没有 templates 文件夹")
    }
    static func sectionNotClosed(_ name: String, at location: SourceLocation) -> Message {
        Message(
            en: "\(location): the section '\(name)' opened here is not closed before this point",
            zh: "\(location)：在这里打开的区块“\(name)”到出错处还没有关闭")
    }
    static func templateSyntaxError(_ error: String) -> Message {
        Message(en: "template syntax error: \(error)", zh: "模板语法错误：\(error)")
    }
    static func cannotReadTemplate(_ error: String) -> Message {
        Message(en: "cannot read the template: \(error)", zh: "无法读取模板：\(error)")
    }
    static func partialMissing(_ name: String) -> Message {
        Message(
            en: "the partial '\(name)' does not exist (templates/\(name).mustache)",
            zh: "局部模板“\(name)”不存在（templates/\(name).mustache）")
    }
    static func templateMissing(_ name: String) -> Message {
        Message(en: "the template '\(name)' is missing", zh: "缺少模板“\(name)”")
    }
    static func templateUsesUndefinedString(_ key: String, language: String) -> Message {
        Message(
            en: "the template uses UI string '\(key)', which content/i18n/\(language).yaml does not define",
            zh: "模板用到了界面文字“\(key)”，但 content/i18n/\(language).yaml 中没有定义它")
    }
    static func codeUsesMissingString(_ key: String) -> Message {
        Message(
            en: "UI string '\(key)' is missing (the site's code uses it)", zh: "缺少界面文字“\(key)”（网站程序会用到它）")
    }
}
