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
    <name>AddressProblem</name>
    <message>
        <source>An address is required.</source>
        <translation>必须填写网址。</translation>
    </message>
    <message>
        <source>The address has {length} characters; at most {limit}.</source>
        <translation>网址有 {length} 个字符，最多 {limit} 个。</translation>
    </message>
    <message>
        <source>{slug} is reserved for the site&apos;s own pages.</source>
        <translation>{slug} 留给网站自己的页面使用。</translation>
    </message>
    <message>
        <source>Use lowercase letters a-z, digits and single hyphens (e.g. harbour-reopens), with no hyphen at either end.</source>
        <translation>只能用小写字母 a-z、数字和单个连字符（例如 harbour-reopens），首尾不能是连字符。</translation>
    </message>
    <message>
        <source>“{slug}” cannot be an address: {problem}</source>
        <translation>“{slug}”不能用作网址：{problem}</translation>
    </message>
    <message>
        <source>the address “{slug}” is already in use</source>
        <translation>网址“{slug}”已被使用</translation>
    </message>
</context>
<context>
    <name>AddressRow</name>
    <message>
        <source>Web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Web address note</source>
        <translation>网址说明</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>Change the web address</source>
        <translation>更改网址</translation>
    </message>
    <message>
        <source>published: changes only on purpose</source>
        <translation>已发布：只能有意更改</translation>
    </message>
    <message>
        <source>follows the headline until published</source>
        <translation>发布前随标题而定</translation>
    </message>
    <message>
        <source>chosen by hand</source>
        <translation>手动选定</translation>
    </message>
    <message>
        <source>Change the address of a published page (its old address redirects)</source>
        <translation>更改已发布页面的网址（旧网址会转向新网址）</translation>
    </message>
    <message>
        <source>Choose the address yourself (it then no longer follows the headline)</source>
        <translation>自己选定网址（之后不再随标题变化）</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>{name} has been deactivated in this newsroom and cannot work in it; someone else can activate them again under File › People….</source>
        <translation>{name} 已在本编辑部停用，不能在此工作；其他人可以在“文件 › 人员…”中重新启用。</translation>
    </message>
    <message>
        <source>newsdesk cannot use its database</source>
        <translation>newsdesk 无法使用数据库</translation>
    </message>
    <message>
        <source>newsdesk cannot open that newsroom</source>
        <translation>newsdesk 无法打开那个编辑部</translation>
    </message>
    <message>
        <source>newsdesk cannot start</source>
        <translation>newsdesk 无法启动</translation>
    </message>
</context>
<context>
    <name>ArticleController</name>
    <message>
        <source>Text you had not saved stays in the editor and in the recovery journal.</source>
        <translation>尚未保存的文字仍留在编辑器和恢复日志中。</translation>
    </message>
    <message>
        <source>Cannot create an article</source>
        <translation>无法新建稿件</translation>
    </message>
    <message>
        <source>Everything else is saved; these fields keep their last saved value until they are fixed. Stay on the article to fix them?</source>
        <translation>其余内容都已保存；这些栏位在改正之前保留上次保存的内容。留在这篇稿件上改正吗？</translation>
    </message>
    <message>
        <source>The open article could not be saved. Stay on it so that nothing is lost?</source>
        <translation>打开的稿件无法保存。留在这篇稿件上，以免丢失内容吗？</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The database is read-only</source>
        <translation>数据库是只读的</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>newsdesk stopped writing</source>
        <translation>newsdesk 已停止写入</translation>
    </message>
    <message>
        <source>The database is damaged; newsdesk does not write to it.</source>
        <translation>数据库已损坏；newsdesk 不会写入。</translation>
    </message>
    <message>
        <source>Nothing can be saved now: {reason}. {kept}</source>
        <translation>现在无法保存任何内容：{reason}。{kept}</translation>
    </message>
    <message>
        <source>newsdesk will not write to it. {kept}</source>
        <translation>newsdesk 不会再写入。{kept}</translation>
    </message>
    <message>
        <source>No recovery journal this time: the per-user state folder cannot be written, so text not yet saved is lost if newsdesk stops.</source>
        <translation>本次没有恢复日志：无法写入用户状态文件夹，如果 newsdesk 意外停止，尚未保存的文字会丢失。</translation>
    </message>
    <message>
        <source>#{id} is {status} now</source>
        <translation>#{id} 现在是“{status}”</translation>
    </message>
    <message>
        <source>Cannot open the page</source>
        <translation>无法打开页面</translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <source>Article notice</source>
        <translation>稿件提示</translation>
    </message>
    <message>
        <source>More formatting actions</source>
        <translation>更多格式操作</translation>
    </message>
    <message>
        <source>No article open.
Choose one from the list, or start a new one with Ctrl+N.</source>
        <translation>没有打开的稿件。
请从列表中选择一篇，或按 Ctrl+N 新建一篇。</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>记者</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>↩ returned</source>
        <translation>↩ 已退回</translation>
    </message>
    <message>
        <source>Returned by a producer: open it to read why</source>
        <translation>被监制退回：打开即可看到原因</translation>
    </message>
    <message>
        <source>(this row could not be read)</source>
        <translation>（这一行无法读取）</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>submitted articles to approve or return</source>
        <translation>待批准或退回的已提交稿件</translation>
    </message>
    <message>
        <source>approved articles not yet exported</source>
        <translation>尚未导出的已批准稿件</translation>
    </message>
    <message>
        <source>your articles returned to you</source>
        <translation>退回给你的稿件</translation>
    </message>
    <message>
        <source>{count} articles match</source>
        <translation>{count} 篇稿件符合</translation>
    </message>
    <message>
        <source>{count} articles</source>
        <translation>{count} 篇稿件</translation>
    </message>
    <message>
        <source>No article matches</source>
        <translation>没有匹配的稿件</translation>
    </message>
    <message>
        <source>Search headlines, text, credits…</source>
        <translation>搜索标题、正文、署名…</translation>
    </message>
    <message>
        <source>Search articles</source>
        <translation>搜索稿件</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Only my articles</source>
        <translation>只看我的稿件</translation>
    </message>
    <message>
        <source>Articles you created or are credited on as reporter</source>
        <translation>你创建的、或署名为记者的稿件</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>等我处理</translation>
    </message>
    <message>
        <source>Only articles waiting for me</source>
        <translation>只看等我处理的稿件</translation>
    </message>
    <message>
        <source>Article list</source>
        <translation>稿件列表</translation>
    </message>
    <message>
        <source>Articles listed</source>
        <translation>列出的稿件</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>新建稿件</translation>
    </message>
    <message>
        <source>What waits for you: {what}</source>
        <translation>等你处理的：{what}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Nothing waits for you</source>
        <translation>没有等你处理的事</translation>
    </message>
    <message>
        <source>The list could not be loaded:
{reason}</source>
        <translation>无法载入列表：
{reason}</translation>
    </message>
    <message>
        <source>Nothing is waiting for you.</source>
        <translation>没有等你处理的稿件。</translation>
    </message>
    <message>
        <source>No article matches these filters.</source>
        <translation>没有符合这些筛选条件的稿件。</translation>
    </message>
    <message>
        <source>No articles yet.
Start the first one.</source>
        <translation>还没有稿件。
写第一篇吧。</translation>
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
    <name>BodyEditor</name>
    <message>
        <source>Article body</source>
        <translation>稿件正文</translation>
    </message>
    <message>
        <source>Formatted body text. Ctrl+B bold, Ctrl+I italic, Ctrl+K link.</source>
        <translation>带格式的正文。Ctrl+B 加粗，Ctrl+I 斜体，Ctrl+K 链接。</translation>
    </message>
    <message>
        <source>Write the article here…</source>
        <translation>在这里写稿…</translation>
    </message>
    <message>
        <source>Article body, Markdown source</source>
        <translation>稿件正文，Markdown 源文</translation>
    </message>
    <message>
        <source>Markdown source of the body</source>
        <translation>正文的 Markdown 源文</translation>
    </message>
    <message>
        <source>Body editor notice</source>
        <translation>正文编辑器提示</translation>
    </message>
    <message>
        <source>Insert image</source>
        <translation>插入图片</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>图片（{patterns}）</translation>
    </message>
    <message>
        <source>Images cannot be added here.</source>
        <translation>这里不能添加图片。</translation>
    </message>
    <message>
        <source>{name} is not an image this editor can read.</source>
        <translation>{name} 不是编辑器能读取的图片。</translation>
    </message>
    <message>
        <source>Could not add {name}: {reason}</source>
        <translation>无法添加 {name}：{reason}</translation>
    </message>
    <message>
        <source>Image caption</source>
        <translation>图说</translation>
    </message>
    <message>
        <source>Caption for {name} (printed under the image):</source>
        <translation>{name} 的图说（印在图片下方）：</translation>
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
    <name>ChecklistDialog</name>
    <message>
        <source>Cannot {action} yet</source>
        <translation>还不能{action}</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>批准</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed, so the article was not {done}.</source>
        <translation>
            <numerusform>有 %n 项检查未通过，稿件未能{done}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix what is listed and {action} again.</source>
        <translation>请改正所列问题后再{action}。</translation>
    </message>
    <message>
        <source>As a producer you may override, with a reason for the record:</source>
        <translation>你是监制，可以越过检查，但须写明理由以备记录：</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>越过检查的理由</translation>
    </message>
    <message>
        <source>Why it goes ahead anyway (kept in the history)</source>
        <translation>为何仍然放行（记入历史）</translation>
    </message>
    <message>
        <source>Override and {action}</source>
        <translation>越过检查并{action}</translation>
    </message>
    <message>
        <source>Only a producer may override failed checks.</source>
        <translation>只有监制可以越过未通过的检查。</translation>
    </message>
    <message>
        <source>Override not allowed</source>
        <translation>不允许越过检查</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <source>Failed checks</source>
        <translation>未通过的检查</translation>
    </message>
    <message>
        <source>✗ {title} ({name})
    {message}</source>
        <translation>✗ {title}
    {message}</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>Notes</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>还没有批注。</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>新批注</translation>
    </message>
    <message>
        <source>Write a note for the newsroom…</source>
        <translation>给编辑部写一条批注…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Reply to the selected note</source>
        <translation>回复选中的批注</translation>
    </message>
    <message>
        <source>Answer the selected note, in its thread</source>
        <translation>在选中批注的讨论串中回复</translation>
    </message>
    <message>
        <source>Never exported</source>
        <translation>从不导出</translation>
    </message>
    <message>
        <source>Notes stay in the newsroom: they are never exported.</source>
        <translation>批注只留在编辑部：从不导出。</translation>
    </message>
    <message>
        <source>The note was not saved: {reason}</source>
        <translation>批注没有保存：{reason}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{name} (alt: {alt}; caption: {caption})</source>
        <translation>{name}（替代文字：{alt}；图说：{caption}）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（无内容）</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>你的</translation>
    </message>
    <message>
        <source>{part}: {whose}</source>
        <translation>{part}：{whose}</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Take {name}&apos;s</source>
        <translation>采用 {name} 的</translation>
    </message>
    <message>
        <source>Keep both (mine first)</source>
        <translation>两者都保留（我的在前）</translation>
    </message>
    <message>
        <source>Review revision {revision}</source>
        <translation>查看第 {revision} 版</translation>
    </message>
    <message>
        <source>You both changed this article</source>
        <translation>你们都改了这篇稿件</translation>
    </message>
    <message>
        <source>{name} saved revision {revision} while you were editing. What only one of you changed is merged below.</source>
        <translation>你编辑期间，{name} 保存了第 {revision} 版。只有一方改动的内容已在下面合并。</translation>
    </message>
    <message>
        <source> You both changed the same parts: choose what to keep for each. Your whole version stays in the history either way.</source>
        <translation>你们改了同样的部分：请逐项选择保留哪个。无论如何，你的完整版本都会留在历史中。</translation>
    </message>
    <message>
        <source> Nothing is saved until you take the merged text.</source>
        <translation>采用合并后的文字之前，不会保存任何内容。</translation>
    </message>
    <message>
        <source>Take the merged text</source>
        <translation>采用合并后的文字</translation>
    </message>
    <message>
        <source>Save the merged text</source>
        <translation>保存合并后的文字</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>稍后决定</translation>
    </message>
    <message>
        <source>Keep editing; your text stays unsaved in the editor</source>
        <translation>继续编辑；你的文字留在编辑器中，尚未保存</translation>
    </message>
    <message>
        <source>only in yours</source>
        <translation>只在你的版本中</translation>
    </message>
    <message>
        <source>only in {name}&apos;s</source>
        <translation>只在 {name} 的版本中</translation>
    </message>
    <message>
        <source>&lt;b&gt;Yours&lt;/b&gt; (not saved)</source>
        <translation>&lt;b&gt;你的&lt;/b&gt;（未保存）</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&apos;s&lt;/b&gt;, revision {revision}</source>
        <translation>&lt;b&gt;{name} 的&lt;/b&gt;，第 {revision} 版</translation>
    </message>
    <message>
        <source>{part}: only you changed it (yours is kept)</source>
        <translation>{part}：只有你改了（保留你的）</translation>
    </message>
    <message>
        <source>{part}: only {name} changed it (theirs is taken)</source>
        <translation>{part}：只有 {name} 改了（采用对方的）</translation>
    </message>
    <message>
        <source>{part}: you both made the same change</source>
        <translation>{part}：你们做了相同的改动</translation>
    </message>
    <message>
        <source>{part}: you both changed it: choose</source>
        <translation>{part}：你们都改了，请选择</translation>
    </message>
    <message numerus="yes">
        <source>Choose for %n more part(s) first</source>
        <translation>
            <numerusform>请先再为 %n 处做出选择</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Connect</name>
    <message>
        <source>Open a local newsroom</source>
        <translation>打开本机编辑部</translation>
    </message>
    <message>
        <source>Newsroom files (*.db)</source>
        <translation>编辑部文件（*.db）</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件（*）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>newsdesk cannot reach its newsroom</source>
        <translation>newsdesk 连不上编辑部</translation>
    </message>
    <message>
        <source>newsdesk could not open the newsroom at {where}.</source>
        <translation>newsdesk 无法打开位于 {where} 的编辑部。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Connect to another…</source>
        <translation>连接其他编辑部…</translation>
    </message>
    <message>
        <source>Open the local newsroom</source>
        <translation>打开本机编辑部</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Opening {where}…</source>
        <translation>正在打开 {where}…</translation>
    </message>
    <message>
        <source>Reading the keyring…</source>
        <translation>正在读取密钥环…</translation>
    </message>
    <message>
        <source>Connecting to {where}…</source>
        <translation>正在连接 {where}…</translation>
    </message>
    <message>
        <source>The server refused this password. Type it again.</source>
        <translation>服务器拒绝了这个密码。请重新输入。</translation>
    </message>
    <message>
        <source>The password was not kept</source>
        <translation>密码没有保存</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to a newsroom server</source>
        <translation>连接编辑部服务器</translation>
    </message>
    <message>
        <source>Your newsroom&apos;s IT gives you the server, the newsroom&apos;s name and your own login. You work as the person that login belongs to.</source>
        <translation>编辑部的技术人员会告诉你服务器、编辑部名称和你自己的登录名。你以该登录名所属的人的身份工作。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>newsroom.example.org, host:port or /run/postgresql</source>
        <translation>newsroom.example.org、主机:端口或 /run/postgresql</translation>
    </message>
    <message>
        <source>The server&apos;s name (and :port if not 5432), or the folder of its local socket. A whole postgresql:// address may be pasted here too.</source>
        <translation>服务器名称（端口不是 5432 时加上 :端口），或其本地套接字所在的文件夹。也可以在这里粘贴完整的 postgresql:// 地址。</translation>
    </message>
    <message>
        <source>Newsroom</source>
        <translation>编辑部</translation>
    </message>
    <message>
        <source>newsroom</source>
        <translation>编辑部名称</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>your login, e.g. mei</source>
        <translation>你自己的登录名</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate (TLS)</source>
        <translation>验证服务器证书（TLS）</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate</source>
        <translation>验证服务器证书</translation>
    </message>
    <message>
        <source>sslmode=verify-full: the connection is encrypted and the server must show a certificate, signed by your newsroom&apos;s authority, that names it.</source>
        <translation>sslmode=verify-full：连接经过加密，服务器必须出示由编辑部的证书机构签发、写明其名称的证书。</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>服务器(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Newsroom</source>
        <translation>编辑部(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>登录名(&amp;L)</translation>
    </message>
</context>
<context>
    <name>CrashRecovery</name>
    <message>
        <source>newsdesk stopped before saving the last changes to “{headline}”. They were recovered (typed until {time}) and are back in the editor; they are being saved as a new revision.</source>
        <translation>newsdesk 在保存“{headline}”的最后改动之前停止了。这些改动已恢复（输入至 {time}），回到了编辑器中，正在保存为新版本。</translation>
    </message>
    <message>
        <source> Someone saved revision {revision} meanwhile: you will choose which version continues, and both are kept.</source>
        <translation>其间有人保存了第 {revision} 版：你将选择继续用哪个版本，两个版本都会保留。</translation>
    </message>
</context>
<context>
    <name>CreditRow</name>
    <message>
        <source>Drag to reorder (or Alt+Up / Alt+Down)</source>
        <translation>拖动以调整顺序（或 Alt+Up / Alt+Down）</translation>
    </message>
    <message>
        <source>Drag handle</source>
        <translation>拖动把手</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>上移（Alt+Up）</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>下移（Alt+Down）</translation>
    </message>
    <message>
        <source>Remove (Alt+Delete)</source>
        <translation>删除（Alt+Delete）</translation>
    </message>
    <message>
        <source>Empty row: not printed. Choose a role and add names, or remove it.</source>
        <translation>空行：不会印出。请选择角色并添上人名，或删除这一行。</translation>
    </message>
    <message>
        <source>No role: this line is not printed until it has one.</source>
        <translation>没有角色：有角色之前这一行不会印出。</translation>
    </message>
    <message>
        <source>No names yet: this line is not printed until it has one.</source>
        <translation>还没有人名：有人名之前这一行不会印出。</translation>
    </message>
    <message>
        <source>Credit {number} role</source>
        <translation>第 {number} 个署名的角色</translation>
    </message>
    <message>
        <source>Credit {number} people</source>
        <translation>第 {number} 个署名的人员</translation>
    </message>
    <message>
        <source>Move credit {number} up</source>
        <translation>上移第 {number} 个署名</translation>
    </message>
    <message>
        <source>Move credit {number} down</source>
        <translation>下移第 {number} 个署名</translation>
    </message>
    <message>
        <source>Remove credit {number}</source>
        <translation>删除第 {number} 个署名</translation>
    </message>
    <message>
        <source>Credit {number} drag handle</source>
        <translation>第 {number} 个署名的拖动把手</translation>
    </message>
    <message>
        <source>Credit {number}</source>
        <translation>第 {number} 个署名</translation>
    </message>
</context>
<context>
    <name>CreditsPanel</name>
    <message>
        <source>Credit rows</source>
        <translation>署名行</translation>
    </message>
    <message>
        <source>&amp;Add credit</source>
        <translation>添加署名(&amp;A)</translation>
    </message>
    <message>
        <source>Add credit</source>
        <translation>添加署名</translation>
    </message>
    <message>
        <source>Add a credit row (Alt+A)</source>
        <translation>添加一个署名行（Alt+A）</translation>
    </message>
    <message>
        <source>As printed on the page:</source>
        <translation>页面上印出的样子：</translation>
    </message>
    <message>
        <source>Credits as printed</source>
        <translation>印出的署名</translation>
    </message>
    <message>
        <source>Same role as credit {number}: the page prints two lines.</source>
        <translation>与第 {number} 个署名角色相同：页面会印成两行。</translation>
    </message>
    <message>
        <source>(no credits printed)</source>
        <translation>（不印署名）</translation>
    </message>
</context>
<context>
    <name>EditGuard</name>
    <message>
        <source>&amp;Edit anyway</source>
        <translation>仍然编辑(&amp;E)</translation>
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
        <source> (in the folder)</source>
        <translation>（文件夹中的）</translation>
    </message>
    <message>
        <source> (not in the folder)</source>
        <translation>（文件夹中没有）</translation>
    </message>
    <message>
        <source> (this export)</source>
        <translation>（本次导出的）</translation>
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
    <name>ExportProblem</name>
    <message>
        <source>refusing to write “{name}”: it is outside {folder}</source>
        <translation>拒绝写入“{name}”：它在 {folder} 之外</translation>
    </message>
    <message>
        <source>cannot write {target}: a folder of that name is in the way</source>
        <translation>无法写入 {target}：同名的文件夹挡住了它</translation>
    </message>
    <message>
        <source>cannot write {target}: {detail}</source>
        <translation>无法写入 {target}：{detail}</translation>
    </message>
    <message>
        <source>cannot replace {target}: {detail}; {outcome}</source>
        <translation>无法替换 {target}：{detail}；{outcome}</translation>
    </message>
    <message>
        <source>cannot keep the previous {target} while replacing it: {detail}; {outcome}</source>
        <translation>替换 {target} 时无法保留它原来的版本：{detail}；{outcome}</translation>
    </message>
    <message>
        <source>the previous export in {folder} was left as it was</source>
        <translation>{folder} 中原先导出的内容保持不变</translation>
    </message>
    <message>
        <source>{count} file(s) could not be put back, so the export in {folder} is incomplete: run it again</source>
        <translation>有 {count} 个文件未能恢复，{folder} 中的导出不完整：请重新导出</translation>
    </message>
    <message>
        <source>cannot create the export folder {folder}: {detail}</source>
        <translation>无法创建导出文件夹 {folder}：{detail}</translation>
    </message>
    <message>
        <source>the export folder {folder} is not a folder</source>
        <translation>导出位置 {folder} 不是文件夹</translation>
    </message>
    <message>
        <source>cannot write {name} (article {article}): {reason}</source>
        <translation>无法写入 {name}（稿件 {article}）：{reason}</translation>
    </message>
    <message>
        <source>an article</source>
        <translation>一篇稿件</translation>
    </message>
    <message>
        <source>article {article}</source>
        <translation>稿件 {article}</translation>
    </message>
    <message>
        <source>{label} (“{headline}”) has no web address yet: save it first so its page gets a stable name</source>
        <translation>{label}（“{headline}”）还没有网址：请先保存，使其页面有固定的名称</translation>
    </message>
    <message>
        <source>{label} has an unsafe web address “{slug}”</source>
        <translation>{label} 的网址“{slug}”不安全</translation>
    </message>
    <message>
        <source>{label} and another article both have the web address “{slug}”</source>
        <translation>{label} 与另一篇稿件的网址都是“{slug}”</translation>
    </message>
    <message>
        <source>article {article} is in the export twice</source>
        <translation>稿件 {article} 在本次导出中出现了两次</translation>
    </message>
    <message>
        <source>image “{name}” of article {article}: the name is taken by a file of the export itself</source>
        <translation>稿件 {article} 的图片“{name}”：该名称已被本次导出自身的文件占用</translation>
    </message>
    <message>
        <source>image “{name}” of article {article}: not a safe file name (no folders, no leading dot, no control characters or any of / \ : * ? &quot; &lt; &gt; |)</source>
        <translation>稿件 {article} 的图片“{name}”：文件名不安全（不能含文件夹，不能以点开头，不能含控制字符或 / \ : * ? &quot; &lt; &gt; | 中的任何一个）</translation>
    </message>
    <message>
        <source>image “{name}” of article {article}: only {extensions} files are exported as images</source>
        <translation>稿件 {article} 的图片“{name}”：只有 {extensions} 文件会作为图片导出</translation>
    </message>
    <message>
        <source>image “{name}” of article {article}: media type “{media_type}” is not an exported picture</source>
        <translation>稿件 {article} 的图片“{name}”：媒体类型“{media_type}”不是可导出的图片</translation>
    </message>
    <message>
        <source>image “{name}” of article {article}: another article of this export has a different image under the same name</source>
        <translation>稿件 {article} 的图片“{name}”：本次导出中另一篇稿件有一张同名但不同的图片</translation>
    </message>
    <message>
        <source>image “{name}” of article {article}: {reason}</source>
        <translation>稿件 {article} 的图片“{name}”：{reason}</translation>
    </message>
    <message>
        <source>image “{name}” of article {article}: its stored bytes do not match its SHA-256; the image is damaged</source>
        <translation>稿件 {article} 的图片“{name}”：存储的数据与其 SHA-256 不符，图片已损坏</translation>
    </message>
</context>
<context>
    <name>FieldsForm</name>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>中文 (Chinese)</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <source>e.g. Exclusive video (optional)</source>
        <translation>例如：独家视频（可不填）</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>What happened, in a line</source>
        <translation>一句话说清发生了什么</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>e.g. {example} (parts joined by {separator})</source>
        <translation>例如：{example}（各级用 {separator} 连接）</translation>
    </message>
    <message>
        <source>news</source>
        <translation>新闻</translation>
    </message>
    <message>
        <source>world</source>
        <translation>国际</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, empty for no date yet</source>
        <translation>年-月-日，如 2026-09-14；尚未定日期可留空</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Agency or outlet (optional)</source>
        <translation>通讯社或媒体（可不填）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The article&apos;s language: its page prints that language&apos;s labels. Told from the text until you choose one.</source>
        <translation>稿件的语言：页面会印上该语言的标签。在你选定之前，按正文判断。</translation>
    </message>
    <message>
        <source>{field} problem</source>
        <translation>{field}的问题</translation>
    </message>
    <message>
        <source>Headline length</source>
        <translation>标题长度</translation>
    </message>
    <message>
        <source>Choose the date</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation>日历…</translation>
    </message>
    <message>
        <source>Choose the date from a calendar</source>
        <translation>从日历中选择日期</translation>
    </message>
    <message>
        <source>&amp;Kicker:</source>
        <translation>引题(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Headline:</source>
        <translation>标题(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Section:</source>
        <translation>栏目(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>来源(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The kicker cannot contain {separator}: the page puts it between kicker and headline.</source>
        <translation>引题不能含有 {separator}：页面用它分隔引题和标题。</translation>
    </message>
    <message>
        <source>A headline is required.</source>
        <translation>必须有标题。</translation>
    </message>
    <message>
        <source>The headline is {length} characters; the site allows {limit}. Shorten it by {over}.</source>
        <translation>标题有 {length} 个字符，网站最多允许 {limit} 个。请删去 {over} 个。</translation>
    </message>
    <message>
        <source>The headline cannot contain {separator}: the page uses it to separate the kicker. Put the first part in the kicker field.</source>
        <translation>标题不能含有 {separator}：页面用它分隔引题。请把前一部分放进引题栏。</translation>
    </message>
    <message>
        <source>A section is required, e.g. {example}.</source>
        <translation>必须有栏目，例如：{example}。</translation>
    </message>
    <message>
        <source>The section has an empty part: put a name on each side of every {separator}.</source>
        <translation>栏目有一级是空的：每个 {separator} 两边都要有名称。</translation>
    </message>
    <message>
        <source>{text} is not a date. Write it as YYYY-MM-DD, e.g. {example}.</source>
        <translation>{text} 不是日期。请按“年-月-日”书写，例如 {example}。</translation>
    </message>
    <message>
        <source>{text} is not a date ({reason}). Write it as YYYY-MM-DD, e.g. {example}.</source>
        <translation>{text} 不是有效的日期（年、月或日超出范围）。请按“年-月-日”书写，例如 {example}。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Reporter: writes and submits articles</source>
        <translation>记者：写稿并提交</translation>
    </message>
    <message>
        <source>Producer: edits, approves or returns articles</source>
        <translation>监制：编辑、批准或退回稿件</translation>
    </message>
    <message>
        <source>Web team: exports and publishes approved articles</source>
        <translation>网络编辑：导出并发布已批准的稿件</translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation>角色：{role}</translation>
    </message>
    <message>
        <source>Welcome to newsdesk</source>
        <translation>欢迎使用 newsdesk</translation>
    </message>
    <message>
        <source>Tell newsdesk who you are. Your name goes on every revision and action you take.</source>
        <translation>请告诉 newsdesk 你是谁。你的名字会记在你保存的每个版本和每个操作上。</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <source>e.g. Mei Lin</source>
        <translation>例如：林美</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Your roles</source>
        <translation>你的角色</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>必须填写名字。</translation>
    </message>
    <message>
        <source>{name} is already in this newsroom: you will sign in as them.</source>
        <translation>{name} 已在本编辑部：你将以其身份登录。</translation>
    </message>
    <message>
        <source>Tick at least one role.</source>
        <translation>请至少勾选一个角色。</translation>
    </message>
</context>
<context>
    <name>FormattingToolbar</name>
    <message>
        <source>Bold</source>
        <translation>加粗</translation>
    </message>
    <message>
        <source>Bold text</source>
        <translation>加粗文字</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>斜体</translation>
    </message>
    <message>
        <source>Italic text</source>
        <translation>斜体文字</translation>
    </message>
    <message>
        <source>Heading 2</source>
        <translation>二级标题</translation>
    </message>
    <message>
        <source>Section heading</source>
        <translation>小节标题</translation>
    </message>
    <message>
        <source>Heading 3</source>
        <translation>三级标题</translation>
    </message>
    <message>
        <source>Sub-section heading</source>
        <translation>次级小节标题</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Quoted paragraph</source>
        <translation>引用的段落</translation>
    </message>
    <message>
        <source>Bullet list</source>
        <translation>项目符号列表</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>项目符号列表</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>编号列表</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>链接…</translation>
    </message>
    <message>
        <source>Add or edit a link (http, https or mailto)</source>
        <translation>添加或编辑链接（http、https 或 mailto）</translation>
    </message>
    <message>
        <source>Horizontal rule</source>
        <translation>分隔线</translation>
    </message>
    <message>
        <source>Line across the page</source>
        <translation>横贯页面的线</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>图片…</translation>
    </message>
    <message>
        <source>Insert an image with a caption</source>
        <translation>插入带图说的图片</translation>
    </message>
    <message>
        <source>Markdown source</source>
        <translation>Markdown 源文</translation>
    </message>
    <message>
        <source>Edit the Markdown</source>
        <translation>编辑 Markdown</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>格式</translation>
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
        <source>(alt: </source>
        <translation>（替代文字：</translation>
    </message>
    <message>
        <source>; caption: </source>
        <translation>；图说：</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
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
    <name>ImportController</name>
    <message>
        <source>Article files (*.txt *.md *.markdown *.json *.docx);;Text pages (*.txt);;Markdown (*.md *.markdown);;ninjs (*.json);;Word (*.docx);;All files (*)</source>
        <translation>稿件文件 (*.txt *.md *.markdown *.json *.docx);;文本页面 (*.txt);;Markdown (*.md *.markdown);;ninjs (*.json);;Word (*.docx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import article files</source>
        <translation>导入稿件文件</translation>
    </message>
    <message>
        <source>Reading {count} file(s) to import…</source>
        <translation>正在读取 {count} 个要导入的文件…</translation>
    </message>
    <message>
        <source>Cannot read the files</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <source>Importing {count} file(s)…</source>
        <translation>正在导入 {count} 个文件…</translation>
    </message>
    <message>
        <source>The import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Imported {count} articles</source>
        <translation>已导入 {count} 篇稿件</translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation>有些文件没有导入</translation>
    </message>
    <message>
        <source>. Not imported (nothing of them was saved):</source>
        <translation>。未导入的文件（其内容都没有保存）：</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
</context>
<context>
    <name>ImportNote</name>
    <message>
        <source>no breadcrumb line: a bare article; the section is the site&apos;s default ({section})</source>
        <translation>没有栏目导航行：这是一篇只有正文的稿件；栏目用网站的默认栏目（{section}）</translation>
    </message>
    <message>
        <source>no category in the metadata: the section is the site&apos;s default ({section})</source>
        <translation>元数据中没有分类：栏目用网站的默认栏目（{section}）</translation>
    </message>
    <message>
        <source>ninjs has no section: the section is the site&apos;s default ({section})</source>
        <translation>ninjs 没有栏目：栏目用网站的默认栏目（{section}）</translation>
    </message>
    <message>
        <source>a Word document has no section: the section is the site&apos;s default ({section})</source>
        <translation>Word 文档没有栏目：栏目用网站的默认栏目（{section}）</translation>
    </message>
    <message>
        <source>the time {time} on the date line is not kept (an article has a date only)</source>
        <translation>日期行上的时间 {time} 不保留（稿件只有日期）</translation>
    </message>
    <message>
        <source>the time {time} of the date is not kept</source>
        <translation>日期中的时间 {time} 不保留</translation>
    </message>
    <message>
        <source>the page has no site footer</source>
        <translation>页面没有网站页脚</translation>
    </message>
    <message>
        <source>no title in the metadata: the headline is the body&apos;s first heading</source>
        <translation>元数据中没有标题：标题取自正文的第一个标题行</translation>
    </message>
    <message>
        <source>the date {date} is taken from the file name</source>
        <translation>日期 {date} 取自文件名</translation>
    </message>
    <message>
        <source>Pelican status &apos;hidden&apos; (published, not listed) is imported as published</source>
        <translation>Pelican 状态“hidden”（已发布但不列出）按已发布导入</translation>
    </message>
    <message>
        <source>Pelican status &apos;skip&apos; (not rendered) is imported as a draft</source>
        <translation>Pelican 状态“skip”（不生成页面）按草稿导入</translation>
    </message>
    <message>
        <source>status “{status}” is not one we know: imported as a draft</source>
        <translation>状态“{status}”无法识别：按草稿导入</translation>
    </message>
    <message>
        <source>the slug “{slug}” is lower-cased to “{lowered}”</source>
        <translation>网址“{slug}”改为小写“{lowered}”</translation>
    </message>
    <message>
        <source>no main headline: the headline is the “{role}” one</source>
        <translation>没有主标题：标题用的是“{role}”标题</translation>
    </message>
    <message>
        <source>the date is {field} (its time of day is not kept)</source>
        <translation>日期取自 {field}（不保留具体时间）</translation>
    </message>
    <message>
        <source>the source is the copyright holder</source>
        <translation>来源为版权所有者</translation>
    </message>
    <message>
        <source>Word: {message}</source>
        <translation>Word 提示：{message}</translation>
    </message>
    <message>
        <source>the document has tracked changes ({insertions} insertion(s), {deletions} deletion(s)) that were never accepted or rejected: the text is imported as if all were accepted; check it against the document</source>
        <translation>文档中有未接受也未拒绝的修订（{insertions} 处插入，{deletions} 处删除）：正文按全部接受导入；请对照文档核对</translation>
    </message>
    <message>
        <source>the document has {count} comment(s): comments are not imported; read them in the document</source>
        <translation>文档中有 {count} 条批注：批注不会导入；请在文档中阅读</translation>
    </message>
    <message>
        <source>after the credits: neither credits nor body</source>
        <translation>在署名之后：既不是署名也不是正文</translation>
    </message>
    <message>
        <source>not a web address: its text is kept</source>
        <translation>不是网址：保留其文字</translation>
    </message>
    <message>
        <source>not a web address: the page keeps the link&apos;s text, not the link</source>
        <translation>不是网址：页面保留链接文字，不保留链接</translation>
    </message>
    <message>
        <source>no usable source: the checklist names it and the page leaves it out</source>
        <translation>没有可用的来源：检查清单会指出它，页面不显示它</translation>
    </message>
    <message>
        <source>not a web address the page can show</source>
        <translation>不是页面能显示的网址</translation>
    </message>
    <message>
        <source>not a picture</source>
        <translation>不是图片</translation>
    </message>
    <message>
        <source>no rendition with a web address</source>
        <translation>没有带网址的图片版本</translation>
    </message>
    <message>
        <source>no article field for it</source>
        <translation>稿件没有对应的栏位</translation>
    </message>
    <message>
        <source>{field} should be text</source>
        <translation>{field} 应当是文字</translation>
    </message>
    <message>
        <source>{field} should be a list</source>
        <translation>{field} 应当是列表</translation>
    </message>
    <message>
        <source>not a date-time</source>
        <translation>不是日期时间</translation>
    </message>
    <message>
        <source>not a date python-dateutil can read; no date is set</source>
        <translation>无法识别的日期；不设日期</translation>
    </message>
    <message>
        <source>not safe as a file name; a slug is made from the headline</source>
        <translation>不能安全地用作文件名；网址将根据标题生成</translation>
    </message>
    <message>
        <source>not usable as a slug</source>
        <translation>不能用作网址</translation>
    </message>
    <message>
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>page chrome</source>
        <translation>页面附加内容</translation>
    </message>
    <message>
        <source>metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>slug</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>slugline</source>
        <translation>稿件短名</translation>
    </message>
    <message>
        <source>ninjs field</source>
        <translation>ninjs 栏位</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
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
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>导语</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>读作</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>No credits.</source>
        <translation>没有署名。</translation>
    </message>
    <message>
        <source>Keywords:</source>
        <translation>关键词：</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>略去的内容</translation>
    </message>
    <message>
        <source>Roles not in the vocabulary</source>
        <translation>不在角色表中的角色</translation>
    </message>
    <message>
        <source>(kept as written)</source>
        <translation>（按原样保留）</translation>
    </message>
    <message>
        <source>Cannot be imported:</source>
        <translation>无法导入：</translation>
    </message>
    <message>
        <source>Nothing of this file will be saved.</source>
        <translation>这个文件的任何内容都不会保存。</translation>
    </message>
    <message>
        <source>{paragraphs} paragraph(s), {images} image(s)</source>
        <translation>{paragraphs} 段，{images} 张图片</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>导入稿件</translation>
    </message>
    <message>
        <source>Nothing is saved until you press Import. Each file below shows what it would become; untick a file to leave it out.</source>
        <translation>按“导入”之前不会保存任何内容。下面每个文件都显示它会变成什么；取消勾选即可不导入该文件。</translation>
    </message>
    <message numerus="yes">
        <source> %n file(s) cannot be imported: select one to read why.</source>
        <translation>
            <numerusform>%n 个文件无法导入：选中一个可查看原因。</numerusform>
        </translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>What the file would become</source>
        <translation>文件会变成什么</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import the ticked files</source>
        <translation>导入勾选的文件</translation>
    </message>
    <message numerus="yes">
        <source>Import %n article(s)</source>
        <translation>
            <numerusform>导入 %n 篇稿件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportRefusal</name>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>不是文件</translation>
    </message>
    <message>
        <source>a folder, not an article file</source>
        <translation>是文件夹，不是稿件文件</translation>
    </message>
    <message>
        <source>cannot be read ({detail})</source>
        <translation>无法读取（{detail}）</translation>
    </message>
    <message>
        <source>the file is {size} MB, larger than the {limit} MB import limit for one article</source>
        <translation>文件有 {size} MB，超过了单篇稿件 {limit} MB 的导入上限</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>the file is binary (it contains NUL bytes), not text</source>
        <translation>这是二进制文件（含有 NUL 字节），不是文本</translation>
    </message>
    <message>
        <source>the file is binary (it contains NUL characters)</source>
        <translation>这是二进制文件（含有 NUL 字符）</translation>
    </message>
    <message>
        <source>unknown encoding “{encoding}”</source>
        <translation>未知的编码“{encoding}”</translation>
    </message>
    <message>
        <source>not valid {encoding} (byte {byte} at offset {offset})</source>
        <translation>不是有效的 {encoding}（偏移 {offset} 处的字节 {byte}）</translation>
    </message>
    <message>
        <source>not valid UTF-8 (byte {byte} at offset {offset}); if it is in another encoding, save it as UTF-8 first</source>
        <translation>不是有效的 UTF-8（偏移 {offset} 处的字节 {byte}）；如果文件是其他编码，请先另存为 UTF-8</translation>
    </message>
    <message>
        <source>not in a known layout (expected a site text page starting with “{label}” or a bare article (title, then a dated line), Markdown with a metadata header or front matter or a &apos;# &apos; heading, ninjs JSON, or a Word .docx document)</source>
        <translation>不是可识别的格式（应为以“{label}”开头的网站文本页面、只有正文的稿件（标题，然后是带日期的一行）、带元数据头或前置元数据或“# ”标题的 Markdown、ninjs JSON，或 Word .docx 文档）</translation>
    </message>
    <message>
        <source>not valid JSON (line {line}, column {column})</source>
        <translation>不是有效的 JSON（第 {line} 行，第 {column} 列）</translation>
    </message>
    <message>
        <source>the page does not end with the site footer (the “{first}” and “{second}” lines): the file looks cut off after “{last}”</source>
        <translation>页面结尾没有网站页脚（“{first}”和“{second}”两行）：文件似乎在“{last}”之后被截断了</translation>
    </message>
    <message>
        <source>not a text page: the text is empty</source>
        <translation>不是文本页面：没有文字</translation>
    </message>
    <message>
        <source>not a text page: no title line after the breadcrumb</source>
        <translation>不是文本页面：栏目导航行之后没有标题行</translation>
    </message>
    <message>
        <source>not a text page: no breadcrumb line starting with “{label}” (the first line is “{first}”)</source>
        <translation>不是文本页面：没有以“{label}”开头的栏目导航行（第一行是“{first}”）</translation>
    </message>
    <message>
        <source>the title line “{title}” has no headline</source>
        <translation>标题行“{title}”中没有标题</translation>
    </message>
    <message>
        <source>not a text page: no date and “{label}” line after the title</source>
        <translation>不是文本页面：标题之后没有日期和“{label}”行</translation>
    </message>
    <message>
        <source>not a text page: line {line} should be &apos;YYYY-MM-DD {label}…&apos; (the date and the source), found “{found}”</source>
        <translation>不是文本页面：第 {line} 行应为“YYYY-MM-DD {label}…”（日期和来源），实际是“{found}”</translation>
    </message>
    <message>
        <source>line {line}: “{date}” is not a valid date</source>
        <translation>第 {line} 行：“{date}”不是有效的日期</translation>
    </message>
    <message>
        <source>line {line}: “{time}” is not a valid time</source>
        <translation>第 {line} 行：“{time}”不是有效的时间</translation>
    </message>
    <message>
        <source>the metadata header has no &apos;Title:&apos; line (or &apos;title&apos; key), and the body no level-1 heading to take the headline from</source>
        <translation>元数据头中没有“Title:”行（或 title 键），正文中也没有可作标题的一级标题</translation>
    </message>
    <message>
        <source>the {kind} front matter opened by “{fence}” on line 1 is never closed</source>
        <translation>第 1 行以“{fence}”开始的 {kind} 前置元数据没有结束</translation>
    </message>
    <message>
        <source>the {kind} front matter is not valid {kind}{where}</source>
        <translation>{kind} 前置元数据不是有效的 {kind}{where}</translation>
    </message>
    <message>
        <source>the {kind} front matter is not a set of keys and values</source>
        <translation>{kind} 前置元数据不是键值对</translation>
    </message>
    <message>
        <source>the JSON is not a ninjs object</source>
        <translation>这个 JSON 不是 ninjs 对象</translation>
    </message>
    <message>
        <source>the ninjs object has no headline (headlines[].value, or headline)</source>
        <translation>ninjs 对象没有标题（headlines[].value 或 headline）</translation>
    </message>
    <message>
        <source>not a readable Word document</source>
        <translation>不是可读取的 Word 文档</translation>
    </message>
    <message>
        <source>not a readable Word document (the zip is damaged)</source>
        <translation>不是可读取的 Word 文档（压缩包已损坏）</translation>
    </message>
    <message>
        <source>not a readable Word document (no document part)</source>
        <translation>不是可读取的 Word 文档（没有正文部分）</translation>
    </message>
    <message>
        <source>the Word document has no text to take a headline from</source>
        <translation>Word 文档中没有可作标题的文字</translation>
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
    <name>LinkDialog</name>
    <message>
        <source>only http, https and mailto links are allowed</source>
        <translation>只允许 http、https 和 mailto 链接</translation>
    </message>
    <message>
        <source>Enter the link address ({allowed}).</source>
        <translation>请输入链接地址（{allowed}）。</translation>
    </message>
    <message>
        <source>The address contains spaces: copy it again from the browser&apos;s address bar.</source>
        <translation>地址中有空格：请从浏览器地址栏重新复制。</translation>
    </message>
    <message>
        <source>Add https:// in front of the address ({allowed}).</source>
        <translation>请在地址前加上 https://（{allowed}）。</translation>
    </message>
    <message>
        <source>Write mailto: in front of an e-mail address ({allowed}).</source>
        <translation>请在电子邮件地址前写上 mailto:（{allowed}）。</translation>
    </message>
    <message>
        <source>This is not a web address: {allowed}.</source>
        <translation>这不是网址：{allowed}。</translation>
    </message>
    <message>
        <source>{scheme}: links are not accepted: {allowed}.</source>
        <translation>不接受 {scheme}: 链接：{allowed}。</translation>
    </message>
    <message>
        <source>The address needs a host name after {scheme}://, e.g. {scheme}://example.org/page.</source>
        <translation>{scheme}:// 后面需要主机名，例如 {scheme}://example.org/page。</translation>
    </message>
    <message>
        <source>A mailto link needs an e-mail address, e.g. mailto:desk@example.org.</source>
        <translation>mailto 链接需要电子邮件地址，例如 mailto:desk@example.org。</translation>
    </message>
    <message>
        <source>Edit link</source>
        <translation>编辑链接</translation>
    </message>
    <message>
        <source>Insert link</source>
        <translation>插入链接</translation>
    </message>
    <message>
        <source>Link address</source>
        <translation>链接地址</translation>
    </message>
    <message>
        <source>Link text</source>
        <translation>链接文字</translation>
    </message>
    <message>
        <source>Text readers click (the address if empty)</source>
        <translation>读者点击的文字（留空则用地址）</translation>
    </message>
    <message>
        <source>Link address problem</source>
        <translation>链接地址的问题</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>文字(&amp;T)：</translation>
    </message>
    <message>
        <source>Apply link</source>
        <translation>应用链接</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Remove link</source>
        <translation>删除链接(&amp;R)</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>删除链接</translation>
    </message>
</context>
<context>
    <name>LiveBar</name>
    <message>
        <source>Edit anyway</source>
        <translation>仍然编辑</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <source>Edit it too: changes to different paragraphs are merged</source>
        <translation>也来编辑：对不同段落的改动会合并</translation>
    </message>
</context>
<context>
    <name>LiveEditing</name>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <source>{who} saved revision {revision} — Review</source>
        <translation>{who} 保存了第 {revision} 版 — 查看</translation>
    </message>
    <message>
        <source>{who}: choose Edit anyway to edit it too</source>
        <translation>{who}：选择“仍然编辑”即可一起编辑</translation>
    </message>
    <message>
        <source>Someone is editing</source>
        <translation>有人正在编辑</translation>
    </message>
    <message>
        <source>Edit anyway?</source>
        <translation>仍然编辑吗？</translation>
    </message>
    <message>
        <source>{who} this article now. Edit it too? Changes to different paragraphs are merged when you save; where you both change the same paragraph, you choose what to keep.</source>
        <translation>{who}这篇稿件。你也要编辑吗？保存时，对不同段落的改动会合并；你们改了同一段的地方，由你选择保留哪个。</translation>
    </message>
    <message>
        <source>Offline since {time}, your text is kept</source>
        <translation>自 {time} 起离线，你的文字已保留</translation>
    </message>
    <message>
        <source>Back online at {time}: saving what you wrote meanwhile</source>
        <translation>{time} 恢复连线：正在保存其间写的内容</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Working as {name}</source>
        <translation>当前身份：{name}</translation>
    </message>
    <message>
        <source>The image was not stored: {reason}</source>
        <translation>图片没有保存：{reason}</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <source>headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>standfirst</source>
        <translation>导语</translation>
    </message>
    <message>
        <source>keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>the {role} credit</source>
        <translation>“{role}”署名</translation>
    </message>
    <message>
        <source>image {name}</source>
        <translation>图片 {name}</translation>
    </message>
    <message>
        <source>new text at the start</source>
        <translation>开头的新文字</translation>
    </message>
    <message>
        <source>new text after paragraph {number}</source>
        <translation>第 {number} 段后的新文字</translation>
    </message>
    <message>
        <source>paragraph {number}</source>
        <translation>第 {number} 段</translation>
    </message>
    <message>
        <source>paragraphs {first}-{last}</source>
        <translation>第 {first}-{last} 段</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{parts} from {who}</source>
        <translation>{parts}来自{who}</translation>
    </message>
    <message>
        <source>both made the same changes</source>
        <translation>双方做了相同的改动</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>MergeFlow</name>
    <message>
        <source>Someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <source>another desk</source>
        <translation>另一个工作台</translation>
    </message>
    <message>
        <source>Merged with {who}&apos;s revision {revision}: {summary}</source>
        <translation>已与 {who} 的第 {revision} 版合并：{summary}</translation>
    </message>
    <message>
        <source>you</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Saved as revision {revision}; your own version is revision {mine} in the history</source>
        <translation>已保存为第 {revision} 版；你自己的版本是历史中的第 {mine} 版</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>NewsroomLabel</name>
    <message>
        <source>Logged in as</source>
        <translation>登录身份</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>{name} on {host}</source>
        <translation>{host} 上的 {name}</translation>
    </message>
    <message>
        <source>Newsroom {name} · logged in as {login} ({person})</source>
        <translation>编辑部 {name} · 以 {login}（{person}）登录</translation>
    </message>
    <message>
        <source>Newsroom file {name} · working as {person}</source>
        <translation>编辑部文件 {name} · 当前身份 {person}</translation>
    </message>
    <message>
        <source>Newsroom and person</source>
        <translation>编辑部与人员</translation>
    </message>
    <message>
        <source>You are logged in as {login}, so you work as {person}. To work as someone else, log in as them: File › Connect to a newsroom server…</source>
        <translation>你以 {login} 登录，所以以 {person} 的身份工作。要以别人的身份工作，请用对方的登录名登录：文件 › 连接编辑部服务器…</translation>
    </message>
</context>
<context>
    <name>PaneLayout</name>
    <message>
        <source>The window is too narrow for the {pane} beside the list and the editor: make it wider.</source>
        <translation>窗口太窄，放不下列表和编辑器旁边的{pane}：请把窗口拉宽。</translation>
    </message>
    <message>
        <source>Folded away: the window is too narrow. Show it instead of the others</source>
        <translation>已折叠：窗口太窄。改为显示它，隐藏其他窗格</translation>
    </message>
    <message>
        <source>Hide the {pane}</source>
        <translation>隐藏{pane}</translation>
    </message>
    <message>
        <source>Show the {pane}</source>
        <translation>显示{pane}</translation>
    </message>
    <message>
        <source>article list</source>
        <translation>稿件列表</translation>
    </message>
    <message>
        <source>editor</source>
        <translation>编辑器</translation>
    </message>
    <message>
        <source>page preview</source>
        <translation>页面预览</translation>
    </message>
    <message>
        <source>credits and notes panel</source>
        <translation>署名与批注面板</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password for the newsroom server</source>
        <translation>编辑部服务器的密码</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Remember this password</source>
        <translation>记住这个密码</translation>
    </message>
    <message>
        <source>Where to keep it</source>
        <translation>保存在哪里</translation>
    </message>
    <message>
        <source>in the system keyring</source>
        <translation>系统密钥环中</translation>
    </message>
    <message>
        <source>in libpq&apos;s password file ({path})</source>
        <translation>libpq 的密码文件中（{path}）</translation>
    </message>
    <message>
        <source>Not available: {reason}</source>
        <translation>不可用：{reason}</translation>
    </message>
    <message>
        <source>Otherwise it is forgotten when newsdesk closes; never kept in its settings.</source>
        <translation>否则在 newsdesk 关闭时忘记；绝不保存在设置中。</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <source>On a team base each person is a login that the newsroom&apos;s owner creates on the server: `newsdesk users add NAME --role ROLE --login LOGIN`. You are connected as {login}, which may see who works here but not add or change people.</source>
        <translation>在团队数据库上，每个人都是编辑部所有者在服务器上创建的登录名：`newsdesk users add NAME --role ROLE --login LOGIN`。你以 {login} 连接，可以查看谁在这里工作，但不能添加或更改人员。</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>People of the newsroom</source>
        <translation>编辑部人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名字</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Change roles</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>The chosen person</source>
        <translation>选中的人</translation>
    </message>
    <message>
        <source>New person&apos;s name</source>
        <translation>新人员的名字</translation>
    </message>
    <message>
        <source>Name of a new person, e.g. Ana Costa</source>
        <translation>新人员的名字，例如：陈安</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>添加一名人员</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Choose a person in the list first</source>
        <translation>请先在列表中选择一个人</translation>
    </message>
    <message>
        <source>{name} needs at least one role</source>
        <translation>{name} 至少需要一个角色</translation>
    </message>
    <message>
        <source>Tick or untick a role first</source>
        <translation>请先勾选或取消勾选一个角色</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself; another person can</source>
        <translation>你不能停用自己；可由其他人停用</translation>
    </message>
    <message>
        <source>Type the new person&apos;s name first</source>
        <translation>请先输入新人员的名字</translation>
    </message>
    <message>
        <source>Tick at least one role for the new person</source>
        <translation>请为新人员至少勾选一个角色</translation>
    </message>
    <message>
        <source>Someone of that name is in the list already</source>
        <translation>列表中已有同名的人</translation>
    </message>
    <message>
        <source>Added {name}.</source>
        <translation>已添加 {name}。</translation>
    </message>
    <message>
        <source>{name} is now: {roles}.</source>
        <translation>{name} 现在是：{roles}。</translation>
    </message>
    <message>
        <source>{name} is active again.</source>
        <translation>{name} 已重新启用。</translation>
    </message>
    <message>
        <source>{name} is deactivated: their articles and credits stay, but they can no longer act.</source>
        <translation>{name} 已停用：其稿件和署名都保留，但不能再执行任何操作。</translation>
    </message>
</context>
<context>
    <name>PeopleEdit</name>
    <message>
        <source>Remove {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <source>Add a name, then Enter or comma</source>
        <translation>添上人名，然后按回车或逗号</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Names: {names}. Type a name and press Enter or a comma; Backspace in the empty field edits the last name.</source>
        <translation>人名：{names}。输入人名后按回车或逗号；在空白栏中按退格键可编辑最后一个人名。</translation>
    </message>
    <message>
        <source>{label}: {names}</source>
        <translation>{label}：{names}</translation>
    </message>
    <message>
        <source>Add a name</source>
        <translation>添上人名</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>Export approved articles to the site folder, then mark them published</source>
        <translation>把已批准的稿件导出到网站文件夹，然后标为已发布</translation>
    </message>
    <message>
        <source>Open a draft first</source>
        <translation>请先打开一篇草稿</translation>
    </message>
    <message>
        <source>Start a new article (Ctrl+N)</source>
        <translation>新建一篇稿件（Ctrl+N）</translation>
    </message>
</context>
<context>
    <name>Presence</name>
    <message>
        <source>You (at another desk)</source>
        <translation>你（在另一个工作台）</translation>
    </message>
    <message>
        <source>{who} is/are editing</source>
        <translation>{who}正在编辑</translation>
    </message>
    <message>
        <source>{who} is/are viewing</source>
        <translation>{who}正在查看</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
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
        <source>{person} has been deactivated in this newsroom: their articles and credits stay, but they cannot act; someone who manages people can activate them again (File › People…)</source>
        <translation>{person} 已在本编辑部停用：其稿件和署名都保留，但不能再执行操作；管理人员的人可以重新启用（文件 › 人员…）</translation>
    </message>
    <message>
        <source>{person} cannot deactivate themselves; another person of the newsroom can</source>
        <translation>{person} 不能停用自己；编辑部的其他人可以</translation>
    </message>
    <message>
        <source>{person} may not archive article {article}: only a producer or its creator ({creator}) may</source>
        <translation>{person} 不能归档稿件 {article}：只有监制或稿件的创建人（{creator}）可以</translation>
    </message>
    <message>
        <source>article {article} was submitted once, so it stays in the newsroom (a producer or its creator may archive it)</source>
        <translation>稿件 {article} 曾经提交过，所以要留在编辑部（监制或创建人可以将其归档）</translation>
    </message>
    <message>
        <source>{person} may not delete article {article}: only its creator ({creator}) may delete a draft</source>
        <translation>{person} 不能删除稿件 {article}：只有创建人（{creator}）可以删除草稿</translation>
    </message>
    <message>
        <source>{person} may not change the address of article {article}: only a reporter or producer may</source>
        <translation>{person} 不能更改稿件 {article} 的网址：只有记者或监制可以</translation>
    </message>
    <message>
        <source>article {article} was published under its address; only a producer or the web team may change it now (the old address then redirects to the new one)</source>
        <translation>稿件 {article} 已用这个网址发布；现在只有监制或网络编辑可以更改（旧网址随后会转向新网址）</translation>
    </message>
    <message>
        <source>cannot {action}: {count} of the checks failed (a producer may override with a reason)</source>
        <translation>无法{action}：{count} 项检查未通过（监制可以写明理由后越过检查）</translation>
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
    <name>Refusals</name>
    <message>
        <source>Edited after approval, needs approval again: this article is back to submitted.</source>
        <translation>批准后又有编辑，需要重新批准：这篇稿件已回到“已提交”。</translation>
    </message>
    <message>
        <source>Edit the approved article?</source>
        <translation>编辑已批准的稿件吗？</translation>
    </message>
    <message>
        <source>This withdraws the approval; the site keeps the approved version until a producer approves again. Edit anyway?</source>
        <translation>这会撤销批准；在监制重新批准之前，网站保留已批准的版本。仍然编辑吗？</translation>
    </message>
    <message>
        <source>Reading the article&apos;s history…</source>
        <translation>正在读取稿件的历史…</translation>
    </message>
    <message>
        <source>{banner} ({who}, {when}, revision {revision})</source>
        <translation>{banner}（{who}，{when}，第 {revision} 版）</translation>
    </message>
    <message>
        <source>Returned by {who} on {when}: “{comment}”</source>
        <translation>{who} 于 {when} 退回：“{comment}”</translation>
    </message>
    <message>
        <source>Returned by {who} on {when}</source>
        <translation>{who} 于 {when} 退回</translation>
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
        <source>web</source>
        <translation>网络编辑</translation>
    </message>
</context>
<context>
    <name>RoleBadge</name>
    <message>
        <source>Reporter: writes articles and submits them</source>
        <translation>记者：写稿并提交</translation>
    </message>
    <message>
        <source>Producer: edits, returns and approves articles; may override checks</source>
        <translation>监制：编辑、退回和批准稿件；可越过检查</translation>
    </message>
    <message>
        <source>Web team: exports approved articles and marks them published</source>
        <translation>网络编辑：导出已批准的稿件并标为已发布</translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation>角色：{role}</translation>
    </message>
</context>
<context>
    <name>SaveStatus</name>
    <message>
        <source>What you type is kept safe on this computer within half a second. It becomes a revision, which other desks see, when you leave the article, take a workflow action, press Ctrl+S or close newsdesk, and after five minutes of editing.</source>
        <translation>你输入的内容在半秒内就安全地保存在这台电脑上。当你离开稿件、执行流程操作、按 Ctrl+S、关闭 newsdesk，或连续编辑五分钟后，它会成为一个版本，其他工作台都能看到。</translation>
    </message>
    <message>
        <source>Editing… (Ctrl+S saves a revision)</source>
        <translation>编辑中…（Ctrl+S 保存一个版本）</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Conflict: not saved</source>
        <translation>冲突：未保存</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>保存状态</translation>
    </message>
    <message>
        <source>Word and character count</source>
        <translation>词数与字数</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>已保存 {time}</translation>
    </message>
    <message>
        <source>{words} words, {chars} characters</source>
        <translation>{words} 词，{chars} 字</translation>
    </message>
    <message>
        <source>Revision {revision}</source>
        <translation>第 {revision} 版</translation>
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
    <name>SidePanel</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <source>Last saved</source>
        <translation>最后保存</translation>
    </message>
    <message>
        <source>The last change of the text: who saved it, and when</source>
        <translation>正文的最后一次改动：谁保存的，何时保存</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>最后操作</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>稿件</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Notes ({count})</source>
        <translation>批注（{count}）</translation>
    </message>
    <message>
        <source> (approved: {revision})</source>
        <translation>（已批准：第 {revision} 版）</translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation>{when}，{who}</translation>
    </message>
</context>
<context>
    <name>SlugDialog</name>
    <message>
        <source>The site has carried this page under its address, and links point at it. The page moves to the new address; the old one is kept as a redirect in the export manifest, for the web team to set up.</source>
        <translation>网站已用这个网址登过此页，已有链接指向它。页面会移到新网址；旧网址作为转向记录在导出清单中，由网络编辑设置。</translation>
    </message>
    <message>
        <source>Change the web address</source>
        <translation>更改网址</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>e.g. tram-line-reopens</source>
        <translation>只用小写字母、数字和连字符</translation>
    </message>
    <message>
        <source>Resulting web address</source>
        <translation>得出的网址</translation>
    </message>
    <message>
        <source>Address problem</source>
        <translation>网址的问题</translation>
    </message>
    <message>
        <source>What changing it does</source>
        <translation>更改会带来什么</translation>
    </message>
    <message>
        <source>Change address</source>
        <translation>更改网址</translation>
    </message>
    <message>
        <source>Use this address</source>
        <translation>使用这个网址</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>网址(&amp;A)：</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>页面：</translation>
    </message>
    <message>
        <source>The address was not changed</source>
        <translation>网址未更改</translation>
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
<context>
    <name>StorageProblem</name>
    <message>
        <source>the database {path} is damaged or not a newsdesk database</source>
        <translation>数据库 {path} 已损坏，或不是 newsdesk 数据库</translation>
    </message>
    <message>
        <source>the database {path} is damaged or not a newsdesk database; newsdesk will not write to it; {advice}</source>
        <translation>数据库 {path} 已损坏，或不是 newsdesk 数据库；newsdesk 不会写入；{advice}</translation>
    </message>
    <message>
        <source>no backup of it was found in {folder}</source>
        <translation>在 {folder} 中没有找到它的备份</translation>
    </message>
    <message>
        <source>the newest backup is {backup}: restore it with `newsdesk restore {backup}`</source>
        <translation>最新的备份是 {backup}：用 `newsdesk restore {backup}` 恢复</translation>
    </message>
    <message>
        <source>cannot write to {path}: the database is read-only, {reason}</source>
        <translation>无法写入 {path}：数据库是只读的，{reason}</translation>
    </message>
    <message>
        <source>it is on a read-only file system</source>
        <translation>它位于只读的文件系统上</translation>
    </message>
    <message>
        <source>{file} is read-only</source>
        <translation>{file} 是只读的</translation>
    </message>
    <message>
        <source>its folder is read-only</source>
        <translation>它所在的文件夹是只读的</translation>
    </message>
    <message>
        <source>cannot write to {path}: the database is read-only</source>
        <translation>无法写入 {path}：数据库是只读的</translation>
    </message>
    <message>
        <source>cannot write to {path}: the disk is full</source>
        <translation>无法写入 {path}：磁盘已满</translation>
    </message>
    <message>
        <source>cannot read or write {path}: the disk is failing or was removed</source>
        <translation>无法读写 {path}：磁盘出了故障或已被移除</translation>
    </message>
    <message>
        <source>the database {path} stayed locked by another program</source>
        <translation>数据库 {path} 一直被另一个程序锁住</translation>
    </message>
    <message>
        <source>cannot open the database {path}</source>
        <translation>无法打开数据库 {path}</translation>
    </message>
    <message>
        <source>database error in {path}: {detail}</source>
        <translation>数据库 {path} 出错：{detail}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} 是文件夹，不是数据库文件</translation>
    </message>
    <message>
        <source>cannot create the folder for {path}</source>
        <translation>无法为 {path} 创建文件夹</translation>
    </message>
    <message>
        <source>there is no database at {path} to back up</source>
        <translation>{path} 没有可备份的数据库</translation>
    </message>
    <message>
        <source>refusing to back up {path} onto itself</source>
        <translation>不能把 {path} 备份到它自己身上</translation>
    </message>
    <message>
        <source>the database {path} is damaged; a backup of it would be damaged too, so none was made; {advice}</source>
        <translation>数据库 {path} 已损坏；它的备份也会是坏的，所以没有备份；{advice}</translation>
    </message>
    <message>
        <source>cannot write the backup {backup}</source>
        <translation>无法写入备份 {backup}</translation>
    </message>
    <message>
        <source>cannot copy {source} to {target}</source>
        <translation>无法把 {source} 复制到 {target}</translation>
    </message>
    <message>
        <source>cannot create the backup folder {folder}</source>
        <translation>无法创建备份文件夹 {folder}</translation>
    </message>
    <message>
        <source>cannot create the folder {folder}</source>
        <translation>无法创建文件夹 {folder}</translation>
    </message>
    <message>
        <source>the database&apos;s shared-memory file {path} was changed by another program while newsdesk had it open: newsdesk stops using the database so that it neither crashes nor damages it; close newsdesk and start it again</source>
        <translation>newsdesk 打开数据库期间，另一个程序改动了它的共享内存文件 {path}：为了既不崩溃也不损坏数据库，newsdesk 停止使用它；请关闭 newsdesk 后重新启动</translation>
    </message>
    <message>
        <source>the database {path} cannot be used: SQLite cannot map its shared-memory file. The folder is probably on a file system without shared memory maps (a network share, FUSE, virtiofs), or another program keeps changing that file: move the database to a local folder</source>
        <translation>无法使用数据库 {path}：SQLite 无法映射它的共享内存文件。这个文件夹可能位于不支持共享内存映射的文件系统上（网络共享、FUSE、virtiofs），或者另一个程序在不断改动那个文件：请把数据库移到本机的文件夹中</translation>
    </message>
    <message>
        <source>the keyring library is not installed</source>
        <translation>没有安装 keyring 库</translation>
    </message>
    <message>
        <source>no system keyring is running on this computer</source>
        <translation>这台电脑上没有运行系统钥匙串</translation>
    </message>
    <message>
        <source>the password was not kept: {reason}</source>
        <translation>密码没有保存：{reason}</translation>
    </message>
    <message>
        <source>the system keyring refused the password</source>
        <translation>系统钥匙串拒绝保存这个密码</translation>
    </message>
    <message>
        <source>cannot read {path}</source>
        <translation>无法读取 {path}</translation>
    </message>
    <message>
        <source>cannot write the password to {path}</source>
        <translation>无法把密码写入 {path}</translation>
    </message>
    <message>
        <source>there is no article {article} (another desk may have deleted it)</source>
        <translation>没有稿件 {article}（可能已被其他工作台删除）</translation>
    </message>
    <message>
        <source>article {article} has no revision {revision}</source>
        <translation>稿件 {article} 没有第 {revision} 版</translation>
    </message>
    <message>
        <source>article {article} has no comment {comment}</source>
        <translation>稿件 {article} 没有批注 {comment}</translation>
    </message>
    <message>
        <source>no image {image} in this database</source>
        <translation>数据库中没有图片 {image}</translation>
    </message>
    <message>
        <source>no person named “{person}” in this newsroom (File › People… adds one)</source>
        <translation>本编辑部没有名叫“{person}”的人（可在“文件 › 人员…”中添加）</translation>
    </message>
    <message>
        <source>{path} was written by a newer newsdesk (schema {found}, this version knows {known}); update newsdesk to open it</source>
        <translation>{path} 由更新版本的 newsdesk 写入（结构版本 {found}，本版本只认识到 {known}）；请更新 newsdesk 后再打开</translation>
    </message>
    <message>
        <source>{path} is not set up as a newsroom yet: its owner runs `newsdesk --db URL server init` first</source>
        <translation>{path} 还没有设置为编辑部：须由其所有者先运行 `newsdesk --db URL server init`</translation>
    </message>
    <message>
        <source>the newsroom {path} has schema {found}, this newsdesk needs {needed}: its owner runs `newsdesk --db URL server init` to upgrade it</source>
        <translation>编辑部 {path} 的结构版本是 {found}，本版 newsdesk 需要 {needed}：须由其所有者运行 `newsdesk --db URL server init` 升级</translation>
    </message>
    <message>
        <source>the newsroom server is unreachable ({where}: no connection within {seconds} s)</source>
        <translation>无法连接编辑部服务器（{where}：{seconds} 秒内没有连接）</translation>
    </message>
    <message>
        <source>the newsroom server is unreachable ({where}); nothing was written</source>
        <translation>无法连接编辑部服务器（{where}）；没有写入任何内容</translation>
    </message>
    <message>
        <source>the newsroom server refused the login at {where}</source>
        <translation>编辑部服务器 {where} 拒绝了这个登录</translation>
    </message>
    <message>
        <source>{where}: no such newsroom (is the newsroom&apos;s name right?)</source>
        <translation>{where}：没有这个编辑部（编辑部名称对吗？）</translation>
    </message>
    <message>
        <source>the newsroom server was too busy to finish this; nothing was written, try again</source>
        <translation>编辑部服务器太忙，未能完成；没有写入任何内容，请再试一次</translation>
    </message>
    <message>
        <source>the newsroom server refused a duplicate: {detail}</source>
        <translation>编辑部服务器拒绝了重复的内容：{detail}</translation>
    </message>
    <message>
        <source>newsroom server error at {where}: {detail}</source>
        <translation>编辑部服务器 {where} 出错：{detail}</translation>
    </message>
</context>
<context>
    <name>SystemNote</name>
    <message>
        <source>edited after {status}: approval withdrawn, needs approval again</source>
        <translation>在“{status}”后编辑：批准已撤销，需要重新批准</translation>
    </message>
    <message>
        <source>the text of approved revision {revision} again: {status} again</source>
        <translation>改回已批准的第 {revision} 版的文字：重新成为“{status}”</translation>
    </message>
    <message>
        <source>restored revision {revision}</source>
        <translation>恢复了第 {revision} 版</translation>
    </message>
    <message>
        <source>revision {revision} to {folder}</source>
        <translation>第 {revision} 版导出到 {folder}</translation>
    </message>
    <message>
        <source>your version, kept when resolving a conflict with revision {revision}</source>
        <translation>你的版本，在与第 {revision} 版解决冲突时保留</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>{action} article {id}</source>
        <translation>{action}稿件 {id}</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>What needs to change (required)</source>
        <translation>需要修改什么（必填）</translation>
    </message>
    <message>
        <source>Comment for the history (optional)</source>
        <translation>记入历史的意见（可不填）</translation>
    </message>
    <message>
        <source>Write a comment first</source>
        <translation>请先写意见</translation>
    </message>
</context>
<context>
    <name>UnavailableDialog</name>
    <message>
        <source>No article is open: choose one from the list first</source>
        <translation>没有打开的稿件：请先从列表中选择一篇</translation>
    </message>
    <message>
        <source>Why is it unavailable?</source>
        <translation>为什么不可用？</translation>
    </message>
    <message>
        <source>What you cannot do now, and why:</source>
        <translation>你现在不能做的事及原因：</translation>
    </message>
    <message>
        <source>Every action is available to you now.</source>
        <translation>现在所有操作你都可以用。</translation>
    </message>
    <message>
        <source>Unavailable actions and why</source>
        <translation>不可用的操作及原因</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Why it is unavailable</source>
        <translation>不可用的原因</translation>
    </message>
</context>
<context>
    <name>UserSwitcher</name>
    <message>
        <source>Current user</source>
        <translation>当前用户</translation>
    </message>
    <message>
        <source>Working as</source>
        <translation>当前身份</translation>
    </message>
    <message>
        <source>Switch to another person of the newsroom</source>
        <translation>切换为编辑部的另一个人</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>无角色</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;New article</source>
        <translation>新建稿件(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new article</source>
        <translation>新建一篇稿件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save a new revision now</source>
        <translation>现在保存一个新版本</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Search all articles</source>
        <translation>搜索全部稿件</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>撤销上一次编辑</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the undone edit</source>
        <translation>重做撤销的编辑</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Save and quit</source>
        <translation>保存并退出</translation>
    </message>
    <message>
        <source>Page &amp;preview</source>
        <translation>页面预览(&amp;P)</translation>
    </message>
    <message>
        <source>Show or hide the page preview</source>
        <translation>显示或隐藏页面预览</translation>
    </message>
    <message>
        <source>&amp;Credits and notes</source>
        <translation>署名与批注(&amp;C)</translation>
    </message>
    <message>
        <source>Show or hide the article, credits and notes panel</source>
        <translation>显示或隐藏稿件、署名与批注面板</translation>
    </message>
    <message>
        <source>Open page in &amp;browser</source>
        <translation>在浏览器中打开页面(&amp;B)</translation>
    </message>
    <message>
        <source>Open the exact exported page</source>
        <translation>打开导出的页面本身</translation>
    </message>
    <message>
        <source>&amp;About newsdesk</source>
        <translation>关于 newsdesk(&amp;A)</translation>
    </message>
    <message>
        <source>About newsdesk</source>
        <translation>关于 newsdesk</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史(&amp;H)…</translation>
    </message>
    <message>
        <source>Revisions, differences and the audit trail</source>
        <translation>版本、差别和审计记录</translation>
    </message>
    <message>
        <source>&amp;Export for the site…</source>
        <translation>为网站导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export approved articles to a folder</source>
        <translation>把已批准的稿件导出到文件夹</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import article files (text pages, Markdown, ninjs, Word): preview first</source>
        <translation>导入稿件文件（文本页面、Markdown、ninjs、Word）：先预览</translation>
    </message>
    <message>
        <source>&amp;People…</source>
        <translation>人员(&amp;P)…</translation>
    </message>
    <message>
        <source>Add people, change roles, deactivate people</source>
        <translation>添加人员、更改角色、停用人员</translation>
    </message>
    <message>
        <source>&amp;Why is it unavailable?…</source>
        <translation>为什么不可用(&amp;W)？…</translation>
    </message>
    <message>
        <source>Why each greyed-out action cannot be used now</source>
        <translation>每个灰色的操作现在为什么不能用</translation>
    </message>
    <message>
        <source>&amp;Connect to a newsroom server…</source>
        <translation>连接编辑部服务器(&amp;C)…</translation>
    </message>
    <message>
        <source>Work on a newsroom on a server, with your own login</source>
        <translation>用自己的登录名在服务器上的编辑部工作</translation>
    </message>
    <message>
        <source>&amp;Open a local newsroom…</source>
        <translation>打开本机编辑部(&amp;O)…</translation>
    </message>
    <message>
        <source>Work on a newsroom file on this computer</source>
        <translation>在本机的编辑部文件上工作</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>newsdesk {version}
Database: {location}</source>
        <translation>newsdesk {version}
数据库：{location}</translation>
    </message>
</context>
<context>
    <name>WindowTools</name>
    <message>
        <source>Backup failed: {reason}</source>
        <translation>备份失败：{reason}</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
</context>
<context>
    <name>WorkflowBar</name>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Mark published</source>
        <translation>标为已发布</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Return to the reporter</source>
        <translation>退回给记者</translation>
    </message>
    <message>
        <source>Submit “{title}” for approval? A producer reviews it next.</source>
        <translation>提交“{title}”审批吗？接下来由监制审核。</translation>
    </message>
    <message>
        <source>Return “{title}” to its reporter as a draft? Say what needs to change: the comment is required and goes into the history.</source>
        <translation>把“{title}”作为草稿退回给记者吗？请说明需要修改什么：意见必填，并记入历史。</translation>
    </message>
    <message>
        <source>Approve revision {revision} of “{title}” for the site? Any later edit withdraws the approval.</source>
        <translation>批准“{title}”的第 {revision} 版上网站吗？之后的任何编辑都会撤销批准。</translation>
    </message>
    <message>
        <source>Mark “{title}” as published? Do this once its exported page is on the site.</source>
        <translation>把“{title}”标为已发布吗？请在导出的页面上了网站后再做。</translation>
    </message>
    <message>
        <source>Archive “{title}”? An archived article can no longer be edited.</source>
        <translation>归档“{title}”吗？归档的稿件不能再编辑。</translation>
    </message>
    <message>
        <source>a headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>a shorter headline</source>
        <translation>更短的标题</translation>
    </message>
    <message>
        <source>the text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>a Reporter credit</source>
        <translation>记者署名</translation>
    </message>
    <message>
        <source>names in every credit row</source>
        <translation>每个署名行都有人名</translation>
    </message>
    <message>
        <source>a date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>http(s) or mailto links only</source>
        <translation>只用 http(s) 或 mailto 链接</translation>
    </message>
    <message>
        <source>a caption for every image</source>
        <translation>每张图片都有图说</translation>
    </message>
    <message>
        <source>a usable source for every image</source>
        <translation>每张图片都有可用的来源</translation>
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
        <source>Workflow</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open article</source>
        <translation>打开的稿件</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Fields that cannot be saved</source>
        <translation>无法保存的栏位</translation>
    </message>
    <message>
        <source>Delete draft…</source>
        <translation>删除草稿…</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Revisions, differences, restore, and the audit trail</source>
        <translation>版本、差别、恢复和审计记录</translation>
    </message>
    <message>
        <source>Open a draft first</source>
        <translation>请先打开一篇草稿</translation>
    </message>
    <message>
        <source>Delete this draft: it was never submitted (the audit log keeps a record)</source>
        <translation>删除这篇草稿：它从未提交过（审计日志会留下记录）</translation>
    </message>
    <message>
        <source>No article open</source>
        <translation>没有打开的稿件</translation>
    </message>
    <message>
        <source>Open an article first</source>
        <translation>请先打开一篇稿件</translation>
    </message>
    <message>
        <source>revision {revision}</source>
        <translation>第 {revision} 版</translation>
    </message>
    <message>
        <source>, approved revision {revision}</source>
        <translation>，已批准第 {revision} 版</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>⚠ Before submitting: {needs}</source>
        <translation>⚠ 提交之前还需要：{needs}</translation>
    </message>
    <message>
        <source>{title} ({name}): {message}</source>
        <translation>{title}：{message}</translation>
    </message>
    <message>
        <source>✓ checks pass</source>
        <translation>✓ 检查通过</translation>
    </message>
    <message>
        <source>Every Submit/Approve check passes</source>
        <translation>提交和批准的各项检查都通过了</translation>
    </message>
    <message>
        <source>✗ {field}: {problem}</source>
        <translation>✗ {field}：{problem}</translation>
    </message>
    <message>
        <source>Not saved until fixed (the last saved value stays); the rest is saved.</source>
        <translation>改正之前不会保存（保留上次保存的内容）；其余内容已保存。</translation>
    </message>
    <message>
        <source>Send to a producer for approval (the checklist runs first)</source>
        <translation>交给监制审批（先运行检查清单）</translation>
    </message>
    <message>
        <source>Send back to the reporter as a draft, with a comment</source>
        <translation>作为草稿退回给记者，并附意见</translation>
    </message>
    <message>
        <source>Approve this revision for the site (the checklist runs first)</source>
        <translation>批准这个版本上网站（先运行检查清单）</translation>
    </message>
    <message>
        <source>Record that the exported page is on the site</source>
        <translation>记录导出的页面已上网站</translation>
    </message>
    <message>
        <source>Take the article out of the workflow; it becomes read-only</source>
        <translation>把稿件移出流程；它将变为只读</translation>
    </message>
</context>
<context>
    <name>WorkflowController</name>
    <message>
        <source>Delete the draft?</source>
        <translation>删除草稿吗？</translation>
    </message>
    <message>
        <source>Delete the draft “{headline}”? It leaves every list and search. The audit log keeps a record that it existed and that you deleted it.</source>
        <translation>删除草稿“{headline}”吗？它将从所有列表和搜索中消失。审计日志会记录它曾存在以及由你删除。</translation>
    </message>
    <message>
        <source>&amp;Delete draft</source>
        <translation>删除草稿(&amp;D)</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <source>Revision {actual} was saved after the revision {expected} you were looking at, so nothing was done. Read the new revision, then {action} again.</source>
        <translation>在你查看的第 {expected} 版之后，又保存了第 {actual} 版，所以没有执行任何操作。请阅读新版本，然后再{action}。</translation>
    </message>
    <message>
        <source>Cannot {action}</source>
        <translation>无法{action}</translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <source>Who else has this article open</source>
        <translation>还有谁打开了这篇稿件</translation>
    </message>
    <message>
        <source>Saved at another desk</source>
        <translation>在另一个工作台保存</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
</context>
</TS>
