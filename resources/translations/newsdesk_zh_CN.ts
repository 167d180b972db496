<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Action</name>
    <message>
        <source>submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>归档</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <source>create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>edit-after-approval</source>
        <translation>批准后编辑</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>resolve</source>
        <translation>解决冲突</translation>
    </message>
    <message>
        <source>revert</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>override</source>
        <translation>越过检查</translation>
    </message>
    <message>
        <source>created</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Headline length</source>
        <translation>标题长度</translation>
    </message>
    <message>
        <source>Reporter credited</source>
        <translation>已署记者</translation>
    </message>
    <message>
        <source>No empty credit rows</source>
        <translation>没有空的署名行</translation>
    </message>
    <message>
        <source>Date set</source>
        <translation>已定日期</translation>
    </message>
    <message>
        <source>Links are http(s) or mailto</source>
        <translation>链接为 http(s) 或 mailto</translation>
    </message>
    <message>
        <source>Images have a caption or alt text</source>
        <translation>图片有图说或替代文字</translation>
    </message>
    <message>
        <source>Images have a usable source</source>
        <translation>图片有可用的来源</translation>
    </message>
    <message>
        <source>the article has no headline</source>
        <translation>稿件没有标题</translation>
    </message>
    <message>
        <source>the headline is still “{headline}”</source>
        <translation>标题仍是“{headline}”</translation>
    </message>
    <message>
        <source>the article has no text</source>
        <translation>稿件没有正文</translation>
    </message>
    <message>
        <source>the headline has {length} characters; the site allows {limit}</source>
        <translation>标题有 {length} 个字符，网站最多允许 {limit} 个</translation>
    </message>
    <message>
        <source>no Reporter is credited</source>
        <translation>没有署名记者</translation>
    </message>
    <message>
        <source>the credit row {label} has no role or no names</source>
        <translation>署名行“{label}”没有角色或没有人名</translation>
    </message>
    <message>
        <source>the publication date is not set</source>
        <translation>未设定发布日期</translation>
    </message>
    <message>
        <source>the link “{link}” is not http, https or mailto</source>
        <translation>链接“{link}”不是 http、https 或 mailto</translation>
    </message>
    <message>
        <source>the image “{image}” has no usable source (an attached image&apos;s name or an http(s) address)</source>
        <translation>图片“{image}”没有可用的来源（附加图片的文件名，或 http(s) 地址）</translation>
    </message>
    <message>
        <source>the image “{image}” has no caption or alt text</source>
        <translation>图片“{image}”没有图说或替代文字</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
</context>
<context>
    <name>ExportChanges</name>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>有改动</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未改动</translation>
    </message>
    <message>
        <source>leaves the index</source>
        <translation>移出索引</translation>
    </message>
    <message>
        <source>What changes in the folder</source>
        <translation>文件夹中的改动</translation>
    </message>
    <message>
        <source>Choose an article to see what changes in its pages.</source>
        <translation>选择一篇稿件，查看其页面有哪些改动。</translation>
    </message>
    <message>
        <source>Its pages in the folder are up to date.</source>
        <translation>文件夹中它的页面已是最新。</translation>
    </message>
    <message>
        <source>Not in this export: its files stay in the folder, but the index and the manifest no longer list it.</source>
        <translation>不在本次导出之中：它的文件留在文件夹里，但索引和清单不再列出它。</translation>
    </message>
    <message>
        <source>No article is ticked: nothing would change.</source>
        <translation>没有勾选稿件：不会有任何改动。</translation>
    </message>
    <message>
        <source>Since the last export to this folder: {new} new, {changed} changed, {unchanged} unchanged, {dropped} leaving the index.</source>
        <translation>自上次导出到此文件夹以来：新增 {new} 篇，改动 {changed} 篇，未改动 {unchanged} 篇，移出索引 {dropped} 篇。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Site pages (HTML)</source>
        <translation>网站页面（HTML）</translation>
    </message>
    <message>
        <source>Text pages</source>
        <translation>文本页面</translation>
    </message>
    <message>
        <source>ninjs (JSON)</source>
        <translation>ninjs（JSON）</translation>
    </message>
    <message>
        <source>Markdown with metadata</source>
        <translation>带元数据的 Markdown</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>稿件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>In the folder</source>
        <translation>文件夹中</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Export for the site</source>
        <translation>为网站导出</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <source>The site folder (created if missing)</source>
        <translation>网站文件夹（不存在时会新建）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose the export folder</source>
        <translation>选择导出文件夹</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Writes {pattern} per article</source>
        <translation>每篇稿件写出 {pattern}</translation>
    </message>
    <message>
        <source>HTML: article part only</source>
        <translation>HTML：只要稿件部分</translation>
    </message>
    <message>
        <source>For pasting into a content system: the article, without page frame</source>
        <translation>用于粘贴到内容管理系统：只有稿件，没有页面框架</translation>
    </message>
    <message>
        <source>Articles to export</source>
        <translation>要导出的稿件</translation>
    </message>
    <message>
        <source>Articles ready for the site</source>
        <translation>可供网站使用的稿件</translation>
    </message>
    <message>
        <source>Changes since the last export</source>
        <translation>自上次导出以来的改动</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>导出状态</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the export</source>
        <translation>停止导出</translation>
    </message>
    <message>
        <source>Mark published</source>
        <translation>标为已发布</translation>
    </message>
    <message>
        <source>Mark the exported articles published</source>
        <translation>把已导出的稿件标为已发布</translation>
    </message>
    <message>
        <source>Export first; then mark the approved articles published</source>
        <translation>先导出，再把已批准的稿件标为已发布</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>An export is running</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Choose the export folder first</source>
        <translation>请先选择导出文件夹</translation>
    </message>
    <message>
        <source>Choose at least one format</source>
        <translation>请至少选择一种格式</translation>
    </message>
    <message>
        <source>The article-part option shapes HTML pages: add Site pages (HTML)</source>
        <translation>“只要稿件部分”针对 HTML 页面：请加选“网站页面（HTML）”</translation>
    </message>
    <message>
        <source>Tick at least one article</source>
        <translation>请至少勾选一篇稿件</translation>
    </message>
    <message>
        <source>Write the chosen articles into the folder</source>
        <translation>把选中的稿件写入文件夹</translation>
    </message>
    <message>
        <source>Reading the articles ready for the site…</source>
        <translation>正在读取可供网站使用的稿件…</translation>
    </message>
    <message>
        <source>The articles could not be read: {reason}</source>
        <translation>无法读取稿件：{reason}</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>待导出</translation>
    </message>
    <message>
        <source>Approved, not yet exported at this revision</source>
        <translation>已批准，此版本尚未导出</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) ready for the site</source>
        <translation>
            <numerusform>%n 篇稿件可供网站使用</numerusform>
        </translation>
    </message>
    <message>
        <source>; {waiting} waiting to be exported.</source>
        <translation>；{waiting} 篇等待导出。</translation>
    </message>
    <message>
        <source>No article is approved or published: nothing to export.</source>
        <translation>没有已批准或已发布的稿件：无可导出。</translation>
    </message>
    <message>
        <source>Choose a folder and formats to see what changes there.</source>
        <translation>选择文件夹和格式，查看那里会有哪些改动。</translation>
    </message>
    <message>
        <source>Comparing with the folder…</source>
        <translation>正在与文件夹比较…</translation>
    </message>
    <message>
        <source>Cannot compare with the folder: {reason}</source>
        <translation>无法与文件夹比较：{reason}</translation>
    </message>
    <message>
        <source>In the folder&apos;s last export but not in this one: its files stay</source>
        <translation>在文件夹上次导出中，但不在本次导出中：它的文件保留</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Stopped: nothing was written, the folder is as it was.</source>
        <translation>已停止：没有写入任何内容，文件夹保持原样。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n article(s) to {folder}:</source>
        <translation>
            <numerusform>已导出 %n 篇稿件到 {folder}：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> %n file(s) written,</source>
        <translation>
            <numerusform>写入 %n 个文件，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> %n article(s) unchanged.</source>
        <translation>
            <numerusform>%n 篇稿件未改动。</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped (no longer ready): {articles}</source>
        <translation>已跳过（不再可用）：{articles}</translation>
    </message>
    <message numerus="yes">
        <source>%n approved article(s) can now be marked published.</source>
        <translation>
            <numerusform>%n 篇已批准的稿件现在可以标为已发布。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n published</source>
        <translation>
            <numerusform>把 %n 篇标为已发布</numerusform>
        </translation>
    </message>
    <message>
        <source>Record that the exported approved articles are on the site</source>
        <translation>记录已导出的已批准稿件已上网站</translation>
    </message>
    <message>
        <source>No exported article is waiting to be marked published</source>
        <translation>没有已导出的稿件等待标为已发布</translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation>未导出：{reason}</translation>
    </message>
    <message>
        <source>Not marked published: {reason}</source>
        <translation>未标为已发布：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>Marked %n article(s) published.</source>
        <translation>
            <numerusform>已把 %n 篇稿件标为已发布。</numerusform>
        </translation>
    </message>
    <message>
        <source> Not marked: {articles}</source>
        <translation>未标记：{articles}</translation>
    </message>
    <message>
        <source>#{id} {headline} is {status} now</source>
        <translation>#{id} {headline} 现在是“{status}”</translation>
    </message>
    <message>
        <source>nothing to export: no chosen article is approved or published</source>
        <translation>无可导出：选中的稿件没有已批准或已发布的</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>unchanged</source>
        <translation>未改动</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>有改动</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删去</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>History of #{id} {headline}</source>
        <translation>#{id} {headline} 的历史</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>保存人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Older revision</source>
        <translation>较早的版本</translation>
    </message>
    <message>
        <source>Newer revision</source>
        <translation>较新的版本</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Restore the selected revision</source>
        <translation>恢复选中的版本</translation>
    </message>
    <message>
        <source>History status</source>
        <translation>历史状态</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Compare revision</source>
        <translation>比较版本</translation>
    </message>
    <message>
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>The history could not be read: {reason}</source>
        <translation>无法读取历史：{reason}</translation>
    </message>
    <message>
        <source>Cannot compare: {reason}</source>
        <translation>无法比较：{reason}</translation>
    </message>
    <message>
        <source>Revision {revision}</source>
        <translation>第 {revision} 版</translation>
    </message>
    <message>
        <source>No difference</source>
        <translation>没有差别</translation>
    </message>
    <message>
        <source>{part} differs</source>
        <translation>{part}有差别</translation>
    </message>
    <message>
        <source>Text and credits differ</source>
        <translation>正文和署名都有差别</translation>
    </message>
    <message>
        <source>{parts} differ</source>
        <translation>{parts}有差别</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Restore revision {revision}…</source>
        <translation>恢复第 {revision} 版…</translation>
    </message>
    <message>
        <source>Select a revision to restore</source>
        <translation>请选择要恢复的版本</translation>
    </message>
    <message>
        <source>This is the current revision</source>
        <translation>这就是当前版本</translation>
    </message>
    <message>
        <source>Save revision {revision}&apos;s text and credits as a new revision</source>
        <translation>把第 {revision} 版的正文和署名另存为新版本</translation>
    </message>
    <message>
        <source>Restore a revision</source>
        <translation>恢复版本</translation>
    </message>
    <message>
        <source>Save revision {revision}&apos;s text and credits as a new revision? The history keeps every revision; an approved article needs approval again.</source>
        <translation>把第 {revision} 版的正文和署名另存为新版本吗？历史会保留每一个版本；已批准的稿件需要重新批准。</translation>
    </message>
    <message>
        <source>Restore revision {revision}</source>
        <translation>恢复第 {revision} 版</translation>
    </message>
    <message>
        <source>Not restored: {reason}</source>
        <translation>未恢复：{reason}</translation>
    </message>
    <message>
        <source>Revision {old} restored as revision {new}</source>
        <translation>第 {old} 版已恢复为第 {new} 版</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Speak the language of the computer&apos;s settings</source>
        <translation>使用电脑设置中的语言</translation>
    </message>
    <message>
        <source>Speak %1 from the next start</source>
        <translation>下次启动时使用%1</translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>newsdesk will speak %1 when it starts again.</source>
        <translation>newsdesk 下次启动时将使用%1。</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Page preview</source>
        <translation>页面预览</translation>
    </message>
    <message>
        <source>Preview error</source>
        <translation>预览出错</translation>
    </message>
    <message>
        <source>Preview status</source>
        <translation>预览状态</translation>
    </message>
    <message>
        <source>Open in &amp;browser</source>
        <translation>在浏览器中打开(&amp;B)</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <source>Open this page in the web browser, as the site shows it</source>
        <translation>在网页浏览器中打开此页面，与网站显示的一样</translation>
    </message>
    <message>
        <source>Updating preview…</source>
        <translation>正在更新预览…</translation>
    </message>
    <message>
        <source>The preview could not be made: {reason}</source>
        <translation>无法生成预览：{reason}</translation>
    </message>
    <message>
        <source>Could not open the page in the browser: {reason}</source>
        <translation>无法在浏览器中打开页面：{reason}</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>{person} may not create articles: only a reporter or producer may</source>
        <translation>{person} 不能新建稿件：只有记者或监制可以</translation>
    </message>
    <message>
        <source>{person} may not override failed checks: only a producer may</source>
        <translation>{person} 不能越过未通过的检查：只有监制可以</translation>
    </message>
    <message>
        <source>{person} may not export articles for the site: only the web team may (anyone may preview a page)</source>
        <translation>{person} 不能为网站导出稿件：只有网络编辑可以（人人都可预览页面）</translation>
    </message>
    <message>
        <source>{person} may not change the site profile: only a producer or the web team may</source>
        <translation>{person} 不能更改网站设置：只有监制或网络编辑可以</translation>
    </message>
    <message>
        <source>article {article} is archived and cannot be edited</source>
        <translation>稿件 {article} 已归档，不能编辑</translation>
    </message>
    <message>
        <source>{person} may not edit articles: only a reporter or producer may (the web team exports and publishes)</source>
        <translation>{person} 不能编辑稿件：只有记者或监制可以（网络编辑负责导出和发布）</translation>
    </message>
    <message>
        <source>{person} created article {article} and so may not approve it</source>
        <translation>稿件 {article} 是 {person} 创建的，因此本人不能批准</translation>
    </message>
    <message>
        <source>an article needs a headline</source>
        <translation>稿件需要标题</translation>
    </message>
    <message>
        <source>cannot {action}: %n of the checks failed (a producer may override with a reason)</source>
        <translation>无法{action}：%n 项检查未通过（监制可以写明理由后越过检查）</translation>
    </message>
    <message>
        <source>the login {login} owns this newsroom database (or is a superuser), so the server&apos;s own rules would not hold for it; connect with a desk&apos;s own login</source>
        <translation>登录名 {login} 是这个编辑部数据库的所有者（或超级用户），服务器自身的规则对它不起作用；请用工作台自己的登录名连接</translation>
    </message>
    <message>
        <source>the login {login} belongs to no person of this newsroom; the database&apos;s owner links one to it</source>
        <translation>登录名 {login} 不属于本编辑部的任何人；须由数据库所有者为它关联一个人</translation>
    </message>
    <message>
        <source>you are logged in as {login} ({person}), so you act as {person}, not {name}; to act as them, log in as them</source>
        <translation>你以 {login}（{person}）登录，所以以 {person} 的身份操作，而不是 {name}；要以对方身份操作，请用对方的登录名登录</translation>
    </message>
    <message>
        <source>{person} may not add or change people: the newsroom database&apos;s owner (or an administrator) does</source>
        <translation>{person} 不能添加或更改人员：这由编辑部数据库的所有者（或管理员）负责</translation>
    </message>
    <message>
        <source>cannot {action} article {article}: it is {status} (allowed from: {allowed})</source>
        <translation>无法{action}稿件 {article}：它现在是“{status}”（只能从以下状态{action}：{allowed}）</translation>
    </message>
    <message>
        <source>a comment is required to {action} article {article}</source>
        <translation>{action}稿件 {article} 须写明意见</translation>
    </message>
    <message>
        <source>{person} may not {action} articles: only a {roles} may</source>
        <translation>{person} 不能{action}稿件：只有{roles}可以</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>article {article} was changed by someone else: you edited revision {expected}, the newest is revision {actual}; nothing was overwritten</source>
        <translation>稿件 {article} 已被别人改过：你编辑的是第 {expected} 版，最新的是第 {actual} 版；没有覆盖任何内容</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>reporter</source>
        <translation>记者</translation>
    </message>
    <message>
        <source>producer</source>
        <translation>监制</translation>
    </message>
    <message>
        <source>web team</source>
        <translation>网络编辑</translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message>
        <source>Differences side by side</source>
        <translation>并排显示的差别</translation>
    </message>
    <message>
        <source>~ changed, − removed, + added</source>
        <translation>~ 改动，− 删去，+ 新增</translation>
    </message>
    <message>
        <source>Change marks</source>
        <translation>改动标记</translation>
    </message>
    <message>
        <source>{section} (no change)</source>
        <translation>{section}（无改动）</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
</context>
</TS>
