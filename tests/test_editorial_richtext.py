"""The admin's rich-text editor and the cleaning of pasted Word and WeChat HTML."""

import re

import pytest
from django.urls import reverse

from editorial.richtext import RichTextField
from projects.richtext import ALLOWED_TAGS, clean_html

from .factories import make_park

WORD = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"><head>
<meta name=ProgId content=Word.Document><!--[if gte mso 9]><xml><w:WordDocument>
<w:View>Normal</w:View><w:Zoom>0</w:Zoom></w:WordDocument></xml><![endif]-->
<style><!-- /* Style Definitions */ p.MsoNormal {mso-style-parent:""; margin:0cm;
font-size:12.0pt; font-family:"Calibri",sans-serif;} --></style></head>
<body lang=EN-GB style='tab-interval:36.0pt'><!--StartFragment-->
<h1 style='mso-margin-top-alt:auto'><span lang=EN-GB>Sino-German Eco-Park</span></h1>
<p class=MsoNormal style='margin-bottom:0cm;mso-line-height-alt:12.0pt'><b><span lang=EN-GB
style='font-size:11.0pt;mso-bidi-font-family:Calibri'>11.6 km²</span></b><span
lang=EN-GB style='mso-ansi-language:EN-GB'> of <i>low-carbon</i> industry.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>
<![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol'>
<span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>German
companies<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<!--EndFragment--></body></html>"""

WECHAT = """<section style="margin: 0px; padding: 0px; max-width: 100%; box-sizing: border-box
!important; overflow-wrap: break-word !important;"><section style="margin-top: 10px;
text-align: center;" powered-by="xiumi.us"><p style="text-align: justify;"><span style="font-size:
15px; color: rgb(62, 62, 62); letter-spacing: 1px; font-family: mp-quote, -apple-system;"><strong
style="max-width: 100%;"><span style="color: rgb(0, 82, 255);">中德生态园</span></strong><span
style="letter-spacing: 1px;">位于青岛西海岸新区，规划面积11.6平方公里。</span></span></p><p><br
/></p><p style="text-align: center;"><img class="rich_pages wxw-img" data-ratio="0.6667"
data-src="https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg" data-type="jpeg" style="width:
100%;"></p><mpvoice frameborder="0" class="res_iframe js_editor_audio" voice_encode_fileid="x"
name="采访录音"></mpvoice><section class="mp_profile_iframe_wrp"><mp-common-profile
class="js_uneditable custom_select_card mp_profile_iframe" data-pluginname="mpprofile"
data-nickname="青岛投资促进"></mp-common-profile></section><p style="visibility: visible;"><span
style="font-size: 15px;">欢迎<em>德国</em>企业<a href="https://www.example.cn/eco"
target="_blank" style="color: rgb(87, 107, 149);">了解更多</a>。</span></p></section></section>"""


def tags_in(html):
    return set(re.findall(r"</?([a-z0-9:-]+)", html))


def test_word_html_keeps_its_text_and_emphasis_in_our_tags():
    cleaned = clean_html(WORD)
    assert tags_in(cleaned) <= ALLOWED_TAGS
    assert "<h2>Sino-German Eco-Park</h2>" in cleaned
    assert "<strong>11.6 km²</strong> of <em>low-carbon</em> industry." in cleaned
    assert "<p> German companies</p>" in re.sub(r"\s+", " ", cleaned)
    for leftover in ("mso", "Normal", "style", "o:p", "·", "<p></p>", "<p>&nbsp;</p>"):
        assert leftover not in cleaned


def test_wechat_html_loses_its_style_soup_and_widgets():
    cleaned = clean_html(WECHAT)
    assert tags_in(cleaned) <= ALLOWED_TAGS
    assert cleaned.startswith("<p><strong>中德生态园</strong>位于青岛西海岸新区")
    assert (
        '欢迎<em>德国</em>企业<a href="https://www.example.cn/eco" rel="noopener noreferrer">'
        "了解更多</a>。" in cleaned
    )
    for leftover in ("section", "span", "style", "mmbiz", "mpvoice", "青岛投资促进", "<p><br></p>"):
        assert leftover not in cleaned


def test_cleaning_is_stable():
    for html in (WORD, WECHAT):
        once = clean_html(html)
        assert clean_html(once) == once


def test_rich_text_field_ignores_line_endings_but_not_edits():
    field = RichTextField(required=False)
    stored = "<p>One.</p>\n<p>Two.</p>"
    assert not field.has_changed(stored, "<p>One.</p>\r\n<p>Two.</p>")
    assert not field.has_changed(stored, "<p>One.</p>\r\n<p>Two.</p>\r\n")
    assert field.has_changed(stored, "<p>One.</p>\r\n<p>Three.</p>")
    assert field.clean("<p style='x'>Hi<script>x()</script></p>") == "<p>Hi</p>"


@pytest.mark.django_db
def test_description_uses_the_editor_under_the_strict_csp(client, editor):
    park = make_park()
    html = client.get(reverse("admin:projects_park_change", args=[park.pk])).content.decode()
    textareas = re.findall(r"<textarea[^>]*name=\"body_[^\"]+\"[^>]*>", html)
    assert len(textareas) == 2
    for textarea in textareas:
        allowed = re.search(r'data-rich-text="([^"]*)"', textarea)[1].split()
        assert set(allowed) == ALLOWED_TAGS
    assert '<script src="/static/editorial/rich-text.js" type="module"></script>' in html
    # No inline script or import map (the package's own widget needs one).
    assert "importmap" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "/static/django_prose_editor/editor.css" in html
    # The summary stays a plain text box.
    assert not re.search(r'name="summary_en"[^>]*data-rich-text', html)
