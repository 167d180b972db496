"""A corpus of script-injection vectors, each named, for tests/publish/test_xss_corpus.py.

Grouped by trick: raw script, event handlers, dangerous URL schemes in every disguise
(entities, case, whitespace and control characters inside, protocol-relative), broken
and nested tags, SVG and MathML, comments and CDATA, styles, and Markdown syntax that
produces links and images. Each vector is placed in every article field; none may
come out as something a browser would run.
"""

from __future__ import annotations

_B64_SCRIPT = "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="  # <script>alert(1)</script>
_B64_SVG = "PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+"  # <svg><script>...</svg>

VECTORS: dict[str, str] = {
    # -- raw script -----------------------------------------------------------
    "script-tag": "<script>alert(1)</script>",
    "script-mixed-case": "<ScRiPt>alert(1)</sCrIpT>",
    "script-src-protocol-relative": "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "script-nested-split": "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "close-script-then-open": "</script><script>alert(1)</script>",
    "script-comment-trick": "<script>/*</script><script>*/alert(1)</script>",
    "break-out-of-double-quote": '"><script>alert(1)</script>',
    "break-out-of-single-quote": "'><script>alert(1)</script>",
    "close-title": "</title><script>alert(1)</script>",
    "close-textarea": "</textarea><script>alert(1)</script>",
    "double-open-bracket": "<<script>alert(1);//<</script>",
    "nul-before-script": "\x00<script>alert(1)</script>",
    "template-script": "<template><script>alert(1)</script></template>",
    "noscript-title-breakout": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "xmp-script": "<xmp><script>alert(1)</script></xmp>",
    "plaintext": "<plaintext><script>alert(1)",
    # -- event handlers ---------------------------------------------------------
    "img-onerror": "<img src=x onerror=alert(1)>",
    "img-onerror-unclosed": '<img src=x onerror="alert(1)"//',
    "img-onerror-mixed-case": "<IMG SRC=x OnErRoR=alert(1)>",
    "img-slash-separators": "<img/src=x/onerror=alert(1)>",
    "img-eval-src": "<img src=x:alert(alt) onerror=eval(src) alt=1>",
    "img-broken-quotes": '<img """><script>alert(1)</script>">',
    "body-onload": "<body onload=alert(1)>",
    "div-onmouseover": '<div onmouseover="alert(1)">hover</div>',
    "link-onclick": '<a href="https://example.org" onclick="alert(1)">x</a>',
    "input-onfocus": "<input autofocus onfocus=alert(1)>",
    "details-ontoggle": "<details open ontoggle=alert(1)>",
    "video-source-onerror": "<video><source onerror=alert(1)></video>",
    "marquee-onstart": "<marquee onstart=alert(1)>",
    "frameset-onload": "<frameset onload=alert(1)>",
    "attribute-quote-breakout": '<a href="https://example.org/&quot;onmouseover=&quot;alert(1)">x</a>',
    # -- URL schemes in disguise --------------------------------------------------
    "href-javascript": '<a href="javascript:alert(1)">x</a>',
    "href-javascript-mixed-case": '<a href="JaVaScRiPt:alert(1)">x</a>',
    "href-leading-space": '<a href=" javascript:alert(1)">x</a>',
    "href-tab-entity-hex": '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "href-tab-entity-decimal": '<a href="jav&#9;ascript:alert(1)">x</a>',
    "href-newline-entity": '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    "href-raw-tab": '<a href="jav\tascript:alert(1)">x</a>',
    "href-raw-newline": '<a href="java\nscript:alert(1)">x</a>',
    "href-control-char": '<a href="\x01javascript:alert(1)">x</a>',
    "href-all-decimal-entities": (
        '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'
    ),
    "href-leading-zero-entities": '<a href="&#0000106avascript:alert(1)">x</a>',
    "href-hex-entities": '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>',
    "href-named-colon": '<a href="javascript&colon;alert(1)">x</a>',
    "href-decimal-colon": '<a href="javascript&#58;alert(1)">x</a>',
    "href-comment-newline": '<a href="javascript://%0aalert(1)">x</a>',
    "href-vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "href-vbscript-mixed-case": '<a href="VBScript:msgbox(1)">x</a>',
    "href-data-base64": f'<a href="data:text/html;base64,{_B64_SCRIPT}">x</a>',
    "href-data-upper": '<a href="DATA:text/html,<script>alert(1)</script>">x</a>',
    "href-protocol-relative": '<a href="//evil.example/x">x</a>',
    "img-src-javascript": '<img src="javascript:alert(1)">',
    "img-src-data-svg": f'<img src="data:image/svg+xml;base64,{_B64_SVG}">',
    "iframe-javascript": '<iframe src="javascript:alert(1)"></iframe>',
    "iframe-srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "form-action": '<form action="javascript:alert(1)"><button>x</button></form>',
    "button-formaction": '<button formaction="javascript:alert(1)">x</button>',
    "object-data": '<object data="javascript:alert(1)"></object>',
    "object-data-base64": f'<object data="data:text/html;base64,{_B64_SCRIPT}"></object>',
    "embed-src": '<embed src="javascript:alert(1)">',
    "base-href": '<base href="javascript:alert(1)//">',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "link-stylesheet": '<link rel=stylesheet href="javascript:alert(1)">',
    "isindex-action": "<isindex action=javascript:alert(1) type=image>",
    "table-background": '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    # -- SVG and MathML -----------------------------------------------------------
    "svg-onload": "<svg onload=alert(1)>",
    "svg-script": "<svg><script>alert(1)</script></svg>",
    "svg-xlink-href": (
        '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>'
    ),
    "svg-animate-onbegin": "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "svg-set-href": '<svg><a><set attributeName="href" to="javascript:alert(1)"/>x</a></svg>',
    "svg-use-data": (
        "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'>"
        "<image href='1' onerror='alert(1)'/></svg>#x\"/></svg>"
    ),
    "svg-foreignobject": (
        "<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>"
    ),
    "math-href": '<math href="javascript:alert(1)">x</math>',
    "math-maction": (
        '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>'
    ),
    "math-mglyph-style-mxss": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    # -- comments, CDATA, processing instructions -----------------------------------
    "comment-script": "<!--<script>alert(1)</script>-->",
    "comment-unclosed": "<!-- <img src=x onerror=alert(1)>",
    "comment-breakout": "--><script>alert(1)</script><!--",
    "conditional-comment": "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "cdata": "<![CDATA[<script>alert(1)</script>]]>",
    "xml-pi": '<?xml version="1.0"?><script>alert(1)</script>',
    # -- styles -------------------------------------------------------------------------
    "style-import": "<style>@import 'javascript:alert(1)';</style>",
    "style-attr-url": '<div style="background:url(javascript:alert(1))">x</div>',
    "style-attr-expression": '<div style="width: expression(alert(1))">x</div>',
    "style-attr-behavior": '<p style="behavior: url(x.htc)">x</p>',
    # -- Markdown links and images --------------------------------------------------------
    "md-link-javascript": "[click](javascript:alert(1))",
    "md-link-javascript-upper": "[click](JAVASCRIPT:alert(1))",
    "md-link-spaces": "[click](  javascript:alert(1)  )",
    "md-link-tab-entity": "[click](java&#x09;script:alert(1))",
    "md-link-angle-brackets": "[click](<javascript:alert(1)>)",
    "md-link-vbscript": "[click](vbscript:msgbox(1))",
    "md-link-data": f"[click](data:text/html;base64,{_B64_SCRIPT})",
    "md-link-comment-trick": "[x](javascript:alert(1)//https://example.org)",
    "md-link-title-breakout": '[x](https://example.org "a\\" onmouseover=\\"alert(1)")',
    "md-image-javascript": "![photo](javascript:alert(1))",
    "md-image-alt-breakout": '![photo" onerror="alert(1)](x.jpg)',
    "md-image-title-breakout": '![photo](x.jpg "t\\" onerror=\\"alert(1)")',
    "md-reference-link": "[ref][1]\n\n[1]: javascript:alert(1)",
    "md-autolink": "<javascript:alert(1)>",
    "md-inline-code": "`<script>alert(1)</script>`",
    "md-fenced-code": "```html\n<script>alert(1)</script>\n```",
    "md-html-block": "<div>\n<script>alert(1)</script>\n</div>",
}
