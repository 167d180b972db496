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
