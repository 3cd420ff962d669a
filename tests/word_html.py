"""What Word 2016 (Windows) puts on the clipboard as HTML for a short report, trimmed.

Two paragraphs in Times New Roman with a colour and a bold and an italic word, a bullet
list, a 2×2 table and a picture, which Word gives as a file on the editor's computer.
"""

PICTURE = "file:///C:/Users/BTV/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg"

WORD_HTML = f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {{margin:0cm;font-size:12.0pt;font-family:"Times New Roman",serif;}}
--></style></head>
<body lang=VI style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment-->
<p class=MsoNormal style='text-align:justify;line-height:150%'><span lang=VI
style='font-size:14.0pt;line-height:150%;font-family:"Times New Roman",serif;
color:#C00000'>Sáng 30/7, Ban Thường vụ Tỉnh ủy tổ chức <b>Hội nghị quán triệt</b>
Nghị quyết <i>số 01-NQ/TU</i>.<o:p></o:p></span></p>
<ul style='margin-top:0cm' type=disc>
 <li class=MsoNormal style='mso-list:l0 level1 lfo1'><span style='font-family:"Arial",sans-serif;
 mso-fareast-font-family:"Times New Roman"'>Điểm cầu Tỉnh ủy<o:p></o:p></span></li>
 <li class=MsoNormal style='mso-list:l0 level1 lfo1'><span style='font-size:14.0pt'>229
 điểm cầu cấp xã<o:p></o:p></span></li>
</ul>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0'><td width=301 valign=top style='width:225.4pt;border:solid
  windowtext 1.0pt;background:#FFF2CC'><p class=MsoNormal><b>Điểm cầu</b><o:p></o:p></p></td>
  <td width=301 valign=top style='width:225.4pt'><p class=MsoNormal><b>Số đại
  biểu</b><o:p></o:p></p></td></tr>
 <tr><td width=301><p class=MsoNormal>Tỉnh ủy</p></td><td width=301><p
  class=MsoNormal>1.653</p></td></tr>
</table>
<p class=MsoNormal><span style='mso-no-proof:yes'><!--[if gte vml 1]><v:shape id="Picture_x0020_1"
 style='width:226.5pt;height:127.5pt'><v:imagedata src="{PICTURE}"
 o:title=""/></v:shape><![endif]--><![if !vml]><img width=302 height=170
src="{PICTURE}" v:shapes="Picture_x0020_1"><![endif]></span><o:p></o:p></p>
<p class=MsoNormal style='text-indent:36.0pt'><span style='font-size:14.0pt;
font-family:"Times New Roman",serif;mso-highlight:yellow'>Hội nghị kết thúc lúc 11 giờ.</span></p>
<!--EndFragment-->
</body></html>"""
