// The words around every diagnostic: severities, notes, summaries, suggestions.
//
// How to add a message: write one static function (or static let) in the catalogue file of its concern, with the
// English and the Chinese side by side. Chinese uses full-width punctuation (，：“”（）), no space between Chinese
// characters, and keeps ids, numbers, file names and YAML keys in Latin as they must be typed.

extension Message {
    /// Starts an error line.
    public static let errorLabel = Message(en: "error: ", zh: "错误：")
    /// Starts a warning line.
    public static let warningLabel = Message(en: "warning: ", zh: "警告：")
    /// Starts a note line.
    public static let noteLabel = Message(en: "note: ", zh: "附注：")

    /// `N errors, M warnings in K files`, or `no problems in K files`.
    public static func summary(errors: Int, warnings: Int, files: Int) -> Message {
        let filesEN = files == 1 ? "1 file" : "\(files) files"
        if errors == 0 && warnings == 0 {
            return Message(en: "no problems in \(filesEN)", zh: "\(files) 个文件中没有问题")
        }
        let errorsEN = errors == 1 ? "1 error" : "\(errors) errors"
        let warningsEN = warnings == 1 ? "1 warning" : "\(warnings) warnings"
        return Message(
            en: "\(errorsEN), \(warningsEN) in \(filesEN)", zh: "\(errors) 个错误，\(warnings) 个警告，共 \(files) 个文件")
    }

    /// A suggestion for a likely typo.
    public static func didYouMean(_ candidate: String) -> Message {
        Message(en: "did you mean '\(candidate)'?", zh: "您是不是要写“\(candidate)”？")
    }

    /// Items of a list for a message: `a, b, c` in English, `a、b、c` in Chinese.
    public static func list(_ items: [String]) -> Message {
        Message(en: items.joined(separator: ", "), zh: items.joined(separator: "、"))
    }

    /// Where something was first written: `first written at file:line:col`.
    public static func firstWrittenAt(_ location: SourceLocation) -> Message {
        Message(en: "first written at \(location)", zh: "第一次写在 \(location)")
    }

    /// Where an id was first used.
    public static func firstUsedAt(_ location: SourceLocation) -> Message {
        Message(en: "first used at \(location)", zh: "第一次用在 \(location)")
    }

    /// The text of an error the system reported (a file that cannot be written …), which has no translation.
    public static func systemError(_ error: any Error) -> Message {
        Message(en: "\(error)", zh: "系统报告的错误：\(error)")
    }

    /// Under an error in the framework or another file every city depends on: what follows from it, in how many
    /// files (`cityFiles` when they are all city files).
    public static func consequences(errors: Int, warnings: Int, files: Int, cityFiles: Bool = true) -> Message {
        let count = errors + warnings
        let problemsEN =
            warnings == 0 ? (errors == 1 ? "1 error" : "\(errors) errors")
            : errors == 0 ? (warnings == 1 ? "1 warning" : "\(warnings) warnings") : "\(count) problems"
        let problemsZH = warnings == 0 ? "\(errors) 个错误" : errors == 0 ? "\(warnings) 个警告" : "\(count) 个问题"
        let kindEN = cityFiles ? "city file" : "file"
        let filesEN = files == 1 ? "1 \(kindEN)" : "\(files) \(kindEN)s"
        return Message(
            en: "\(problemsEN) in \(filesEN) \(count == 1 ? "follows" : "follow") from this; fix it first",
            zh: "\(files) 个\(cityFiles ? "城市" : "")文件中的 \(problemsZH)都是由这里引起的；请先改正这里")
    }
}
