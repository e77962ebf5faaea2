# Writes ingest/src/test/resources/forms/phu-luc-iia-typed-in-libreoffice.fods and its expected values.
import csv, textwrap, html, random
rows = list(csv.DictReader(open('/work/main/data/catalog/2021-2025/indicators.csv', encoding='utf-8')))
sections = {r['code']: r for r in csv.DictReader(open('/work/main/data/catalog/2021-2025/sections.csv', encoding='utf-8'))}
iia = [r for r in rows if r['form'] == 'IIA']
def cell(v):
    if v is None: return '<table:table-cell/>'
    if isinstance(v, (int, float)):
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    if v.startswith('='):
        return f'<table:table-cell table:formula="of:{html.escape(v)}" office:value-type="float" office:value="0"><text:p>0</text:p></table:table-cell>'
    paras = ''.join(f'<text:p>{html.escape(p)}</text:p>' for p in v.split('\n'))
    return f'<table:table-cell office:value-type="string">{paras}</table:table-cell>'
def merged(v, cols=1, rows_=1):
    paras = ''.join(f'<text:p>{html.escape(p)}</text:p>' for p in v.split('\n'))
    return f'<table:table-cell table:number-columns-spanned="{cols}" table:number-rows-spanned="{rows_}" office:value-type="string">{paras}</table:table-cell>' + '<table:covered-table-cell/>' * (cols - 1)
out = []
R = lambda *cells: out.append('<table:table-row>' + ''.join(cells) + '</table:table-row>')
R(cell('Phụ lục IIA')); R(cell('BIỂU TỔNG HỢP SỐ LIỆU')); R(cell('TỔNG KẾT CÔNG TÁC PHÒNG, CHỐNG MẠI DÂM GIAI ĐOẠN 2021 - 2025'))
R(cell('UBND xã Phước An, huyện Nhơn Trạch')); R()
out.append('<table:table-row>' + merged('Nội dung', 1, 2) + merged('Đơn vị tính', 1, 2) + merged('Kết quả thực hiện', 5, 1) + merged('Tổng\ncộng', 1, 2) + '</table:table-row>')
out.append('<table:table-row><table:covered-table-cell/><table:covered-table-cell/>' + ''.join(cell(f'Năm\n{y}') for y in range(2021, 2026)) + '<table:covered-table-cell/></table:table-row>')
seen, expected, rownum, rnd = set(), [], 8, random.Random(42)
def chain(code):
    c = []
    while code: c.append(code); code = sections[code]['parent_code']
    return reversed(c)
for r in iia:
    for s in chain(r['section_code']):
        if s not in seen: seen.add(s); R(cell(sections[s]['label_vi'])); rownum += 1
    label = (r['marker'] + ' ' if r['marker'] else '') + r['label_vi'].replace(' Trong đó:', '')
    typed = '\n'.join(textwrap.wrap(label, 30))   # broken over lines as the PDF appendix prints it
    vals = []
    for i, y in enumerate(range(2021, 2026)):
        if r['value_type'] == 'yes_no':
            v = 'Có' if (i + len(r['code'])) % 3 else 'Không'; num = 1 if v == 'Có' else 0
        elif r['value_type'] == 'money':
            num = round(rnd.uniform(100, 200), 1) if not r['parent_code'] else round(rnd.uniform(1, 30), 1); v = num
        else:
            num = (1 if r['parent_code'] else 3) + rnd.randint(0, 2); v = num
        if r['code'] == 'iia_comm_participants' and y == 2021: v, num = '1.234', 1234
        if r['code'] == 'iia_funding_total' and y == 2022: v, num = '112,5', 112.5
        if r['code'] == 'iia_raids_venues' and y == 2023: v, num = '-', 0
        if r['code'] == 'iia_peer_group_members' and y == 2024: v, num = None, None
        vals.append(v); expected.append((r['code'], y, num))
    R(cell(typed), cell(r['unit_vi']), *[cell(v) for v in vals], cell(None if r['value_type'] == 'yes_no' else f'=SUM([.C{rownum}:.G{rownum}])'))
    rownum += 1
    if r['code'] in ('iia_violators_total', 'iia_sanctioned_administrative', 'iia_sex_workers_eligible', 'iia_funding_total'):
        R(cell('Trong đó:')); rownum += 1
doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="Biểu IIA">
{chr(10).join(out)}
</table:table></office:spreadsheet></office:body></office:document>
'''
d = '/work/main/ingest/src/test/resources/forms/'
open(d + 'phu-luc-iia-typed-in-libreoffice.fods', 'w', encoding='utf-8').write(doc)
with open(d + 'phu-luc-iia-typed-in-libreoffice.expected.csv', 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(['indicator_code', 'year', 'value'])
    for c, y, v in expected:
        if v is not None: w.writerow([c, y, v])
