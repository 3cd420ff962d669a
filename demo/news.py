"""Demo news: articles composed for the demo, spread over the last six weeks.

Each article names the documents and conferences it reports on; the public pages
then show those links in both directions. One article is scheduled for later and
one is a draft, to show that neither is visible to readers.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from demo.images import render
from ndportal.publishing import Status
from ndportal.text import slugify_vi
from news.models import Article, ArticleReads, Category, Tag

CATEGORIES = [
    ("tin-hoat-dong", "Tin hoạt động", "Hoạt động của Tỉnh ủy, Ban Thường vụ và các cấp ủy."),
    (
        "nghi-quyet-vao-cuoc-song",
        "Nghị quyết vào cuộc sống",
        "Kết quả thực hiện nghị quyết ở các địa phương, đơn vị.",
    ),
    (
        "hoc-tap-va-lam-theo",
        "Học tập và làm theo",
        "Gương cán bộ, đảng viên và Nhân dân làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    ),
    ("xay-dung-dang", "Xây dựng Đảng", "Công tác tổ chức, kiểm tra, tuyên giáo, dân vận."),
    ("kinh-te-xa-hoi", "Kinh tế - Xã hội", "Tình hình phát triển kinh tế - xã hội của tỉnh."),
]

# days: how long ago it was published (negative: scheduled for later).
# theme: the Pillow illustration (see images.THEMES).
ARTICLES = [
    {
        "category": "tin-hoat-dong",
        "days": 12,
        "featured": True,
        "theme": "hall",
        "title": "Quán triệt Kết luận 03-KL/TU: tiếp tục đưa 5 nghị quyết chuyên đề vào cuộc sống",
        "lead": "Sáng nay, Ban Thường vụ Tỉnh ủy tổ chức hội nghị trực tuyến quán triệt Kết luận "
        "số 03-KL/TU, kết nối điểm cầu Tỉnh ủy với 10 điểm cầu địa phương. Hơn 1.600 cán bộ "
        "chủ chốt tham dự.",
        "body": """
<p>Hội nghị nghe báo cáo tổng kết 5 năm thực hiện các nghị quyết chuyên đề của Ban Chấp hành
Đảng bộ tỉnh khóa XX. Theo báo cáo, 24 trong số 28 chỉ tiêu đạt và vượt kế hoạch; nổi bật là thu
hút đầu tư vào các khu công nghiệp, xây dựng nông thôn mới nâng cao và cải cách thủ tục hành
chính gắn với chuyển đổi số.</p>
<p>Bốn chỉ tiêu chưa đạt tập trung ở tỷ lệ đô thị hóa và tỷ trọng kinh tế số. Kết luận số
03-KL/TU điều chỉnh các chỉ tiêu này đến năm 2030: tỷ lệ đô thị hóa đạt 45%, kinh tế số chiếm 20%
GRDP.</p>
<h2>Công khai chỉ tiêu để Nhân dân giám sát</h2>
<p>Phát biểu chỉ đạo, đồng chí Bí thư Tỉnh ủy nhấn mạnh: nghị quyết chỉ thật sự đi vào cuộc sống
khi người dân thấy được kết quả. Các địa phương phải rà soát, bổ sung chương trình hành động
trước ngày 31/12, công khai chỉ tiêu và tiến độ thực hiện trên cổng thông tin.</p>
<blockquote><p>Mỗi chỉ tiêu phải có địa chỉ, mỗi việc phải có người chịu trách nhiệm và thời hạn
hoàn thành.</p></blockquote>
""",
        "author": "Minh Thu",
        "tags": ["nghị quyết chuyên đề", "khóa XXI"],
        "documents": ["kl03", "bc215"],
        "conferences": ["province_recent"],
        "caption": "Quang cảnh hội nghị tại điểm cầu Tỉnh ủy.",
        "alt": "Hội trường đông đại biểu hướng về sân khấu phông đỏ có ngôi sao vàng",
    },
    {
        "category": "nghi-quyet-vao-cuoc-song",
        "days": 3,
        "featured": True,
        "theme": "fields",
        "title": "Hải Hậu: cánh đồng lớn giúp lúa chất lượng cao tăng giá trị gấp rưỡi",
        "lead": "Từ những thửa ruộng manh mún, huyện Hải Hậu đã hình thành hơn 4.800 ha lúa chất "
        "lượng cao, trong đó 2.100 ha có hợp đồng bao tiêu. Giá trị thu được trên mỗi héc-ta "
        "tăng khoảng 1,5 lần so với trồng lúa thường.",
        "body": """
<p>Ngay sau hội nghị quán triệt Nghị quyết số 02-NQ/TU năm 2021, Huyện ủy Hải Hậu chọn việc dồn
điền, đổi thửa làm khâu mở đường. Mỗi chi bộ xóm nhận một chỉ tiêu diện tích cụ thể, đảng viên
gương mẫu đổi ruộng trước.</p>
<p>Ông Vũ Văn Thành, Bí thư Chi bộ xóm 5, xã Hải Minh, kể: “Lúc đầu bà con lo đổi ruộng thì thiệt.
Chi bộ họp từng nhóm hộ, tính cho bà con thấy máy cấy, máy gặt vào được thì chi phí giảm gần
một phần ba. Đến vụ thứ hai thì chính bà con đề nghị mở rộng cánh đồng”.</p>
<p>Từ tháng 8/2024, Nghị quyết số 08/2024/NQ-HĐND nâng mức hỗ trợ cánh đồng lớn lên 2 triệu
đồng/ha/vụ và hỗ trợ truy xuất nguồn gốc điện tử. Nhiều hợp tác xã đã in mã QR trên bao gạo,
giúp người mua biết gạo được trồng ở thửa ruộng nào, bón phân gì, gặt ngày nào.</p>
<p>Huyện đặt mục tiêu đến năm 2030 có 6.000 ha lúa chất lượng cao và 4 sản phẩm gạo đạt OCOP 4
sao.</p>
""",
        "author": "Hoàng Long",
        "tags": ["nông thôn mới", "Hải Hậu", "OCOP"],
        "documents": ["nq02", "hdnd08_2024"],
        "conferences": ["district_2021"],
        "caption": "Cánh đồng lúa chất lượng cao ở huyện Hải Hậu.",
        "alt": "Cánh đồng lúa xanh trải dài tới rặng cây, lá cờ đỏ bên bờ ruộng",
    },
    {
        "category": "kinh-te-xa-hoi",
        "days": 6,
        "featured": True,
        "theme": "factory",
        "title": "Khu công nghiệp ven biển đón làn sóng đầu tư mới",
        "lead": "Mười tháng năm nay, tỉnh thu hút thêm 14 dự án đầu tư trực tiếp nước ngoài vào "
        "các khu công nghiệp với tổng vốn đăng ký khoảng 620 triệu USD, phần lớn là dự án điện "
        "tử, cơ khí chính xác và vật liệu mới.",
        "body": """
<p>Thực hiện Nghị quyết số 03-NQ/TU và Kế hoạch kèm theo Quyết định số 1567/QĐ-UBND, tỉnh ưu
tiên hoàn thiện hạ tầng trước khi mời gọi đầu tư. Các khu công nghiệp trong Khu kinh tế Ninh Cơ
đã có đường trục, trạm biến áp và nhà máy xử lý nước thải tập trung.</p>
<p>Quyết định số 15/2023/QĐ-UBND rút thời gian thẩm định hồ sơ thành lập cụm công nghiệp xuống
còn 20 ngày làm việc và chỉ cho phép tiếp nhận dự án thứ cấp khi hệ thống xử lý nước thải đã
được nghiệm thu. Theo các nhà đầu tư, quy định này giúp họ yên tâm về tiêu chuẩn môi trường khi
xuất khẩu sang các thị trường khó tính.</p>
<p>Cùng với nhà xưởng, tỉnh đang xây dựng hai khu nhà ở công nhân với khoảng 3.000 căn hộ và
phối hợp với các trường nghề đào tạo theo đơn đặt hàng của doanh nghiệp.</p>
""",
        "author": "Thanh Hà",
        "tags": ["khu công nghiệp", "thu hút đầu tư"],
        "documents": ["nq03", "qd1567", "qd15_2023"],
        "conferences": [],
        "caption": "Nhà xưởng mái năng lượng mặt trời trong một khu công nghiệp ven biển.",
        "alt": "Dãy nhà xưởng mái xanh, hàng cây và con đường phía trước",
    },
    {
        "category": "tin-hoat-dong",
        "days": 1,
        "theme": "flags",
        "title": "Chuẩn bị hội nghị sơ kết một năm thực hiện Chương trình hành động số 01-CTr/TU",
        "lead": "Thường trực Tỉnh ủy vừa họp nghe Văn phòng Tỉnh ủy báo cáo công tác chuẩn bị "
        "hội nghị sơ kết một năm thực hiện Chương trình hành động thực hiện Nghị quyết Đại hội "
        "Đảng bộ tỉnh lần thứ XXI.",
        "body": """
<p>Hội nghị dự kiến có khoảng 450 đại biểu tại Hội trường Tỉnh ủy, kết nối trực tuyến đến các
đảng bộ trực thuộc. Sáu địa phương, đơn vị sẽ trình bày tham luận về ba khâu đột phá của nhiệm
kỳ: hạ tầng giao thông kết nối, nguồn nhân lực chất lượng cao và chuyển đổi số.</p>
<p>Thường trực Tỉnh ủy đề nghị báo cáo sơ kết đánh giá thẳng thắn những chỉ tiêu chậm tiến độ,
chỉ rõ nguyên nhân và trách nhiệm, tránh liệt kê thành tích chung chung.</p>
""",
        "author": "Ban Biên tập",
        "tags": ["khóa XXI"],
        "documents": ["ctr01"],
        "conferences": ["province_upcoming"],
        "caption": "Cờ đỏ sao vàng tung bay trước thềm hội nghị.",
        "alt": "Những lá cờ đỏ sao vàng tung bay trên nền trời xanh",
    },
    {
        "category": "nghi-quyet-vao-cuoc-song",
        "days": 9,
        "theme": "digital",
        "title": "Tổ công nghệ số cộng đồng “cầm tay chỉ việc” cho người dân làm thủ tục "
        "trực tuyến",
        "lead": "Hơn 2.100 tổ công nghệ số cộng đồng với gần 12.000 thành viên đang giúp người dân "
        "cài ứng dụng, nộp hồ sơ trực tuyến và thanh toán không dùng tiền mặt ngay tại thôn, "
        "xóm.",
        "body": """
<p>Mỗi sáng thứ Bảy, nhà văn hóa thôn Đông, xã Nam Thanh lại đông người. Các thành viên tổ công
nghệ số cộng đồng, phần lớn là đoàn viên thanh niên, hướng dẫn người cao tuổi cài định danh điện
tử, đăng ký khai sinh, nộp thuế đất qua điện thoại.</p>
<p>Thực hiện Nghị quyết số 05-NQ/TU và Đề án chuyển đổi số phê duyệt tại Quyết định số
2188/QĐ-UBND, đến nay tỉnh đã cung cấp trực tuyến toàn trình toàn bộ dịch vụ công đủ điều kiện;
tỷ lệ hồ sơ giải quyết trực tuyến đạt 71%, vượt chỉ tiêu đề ra.</p>
<p>“Trước phải đi xã hai, ba lần mới xong giấy tờ, giờ ngồi nhà các cháu chỉ cho bấm mấy cái là
xong”, bà Trần Thị Mến, 72 tuổi, nói.</p>
""",
        "author": "Phương Linh",
        "tags": ["chuyển đổi số", "dịch vụ công trực tuyến"],
        "documents": ["nq05", "qd2188"],
        "conferences": [],
        "caption": "Dịch vụ công trực tuyến trên điện thoại di động.",
        "alt": "Chiếc điện thoại trên nền mạng lưới các điểm kết nối màu xanh",
    },
    {
        "category": "hoc-tap-va-lam-theo",
        "days": 15,
        "theme": "people",
        "title": "Bí thư chi bộ xóm 5 và những buổi sinh hoạt “nói ít, làm nhiều”",
        "lead": "Ở Chi bộ xóm 5, xã Hải Minh, mỗi buổi sinh hoạt chuyên đề đều kết thúc bằng một "
        "việc cụ thể có người nhận, có ngày hoàn thành. Sau 5 năm, con đường nội đồng đã dài "
        "thêm hơn 3 km.",
        "body": """
<p>Ông Vũ Văn Thành làm Bí thư Chi bộ xóm 5 từ năm 2020. Ông kể, sau buổi sinh hoạt chuyên đề
về Nghị quyết số 02-NQ/TU cuối năm 2021, chi bộ thống nhất không ra nghị quyết dài mà chọn ba
việc: dồn thửa lập cánh đồng lớn, đổi giống lúa, làm đường nội đồng.</p>
<p>Mỗi đảng viên nhận phụ trách một nhóm hộ. Ai đã hứa thì buổi sinh hoạt tháng sau phải báo cáo
làm được đến đâu. “Nói ít, làm nhiều, làm đến nơi đến chốn thì dân tin”, ông nói.</p>
<p>Đến nay, xóm có cánh đồng lớn 32 ha, 100% diện tích cấy giống lúa chất lượng cao, thu nhập bình
quân đầu người đạt 74 triệu đồng/năm.</p>
""",
        "author": "Hoàng Long",
        "tags": ["sinh hoạt chi bộ", "Hải Hậu", "gương điển hình"],
        "documents": ["nq02"],
        "conferences": ["cell_2021"],
        "caption": "Đảng viên và người dân xóm 5 ra quân làm đường nội đồng.",
        "alt": "Nhóm người mặc áo xanh đi trên con đường làng có hoa hai bên",
    },
    {
        "category": "xay-dung-dang",
        "days": 18,
        "theme": "books",
        "title": "Nâng cao chất lượng sinh hoạt chi bộ: từ hình thức đến thực chất",
        "lead": "Thực hiện Nghị quyết số 01-NQ/TU, 100% chi bộ trong tỉnh sinh hoạt chuyên đề ít "
        "nhất mỗi quý một lần. Nhiều chi bộ đã chọn chủ đề từ chính những việc khó của địa "
        "phương.",
        "body": """
<p>Theo Ban Tổ chức Tỉnh ủy, trong năm qua có 92,6% tổ chức cơ sở đảng được xếp loại hoàn thành
tốt nhiệm vụ trở lên, vượt chỉ tiêu 90% mà Nghị quyết số 01-NQ/TU đề ra.</p>
<p>Điểm mới là nội dung sinh hoạt không còn dừng ở đọc báo cáo. Chi bộ khu phố chọn chủ đề vệ
sinh môi trường, chi bộ nông thôn chọn dồn điền đổi thửa, chi bộ trường học chọn chuyển đổi số
trong dạy học. Cấp ủy cấp trên dự và góp ý định kỳ.</p>
<h2>Còn nơi làm cho có</h2>
<p>Kế hoạch số 15-KH/TU yêu cầu cấp ủy cấp trên kiểm tra chuyên đề ít nhất 20% số chi bộ mỗi năm.
Qua kiểm tra, vẫn còn chi bộ sinh hoạt chuyên đề chiếu lệ, biên bản chép lại tài liệu. Những chi
bộ này được yêu cầu tổ chức lại và báo cáo kết quả.</p>
""",
        "author": "Đức Anh",
        "tags": ["sinh hoạt chi bộ", "xây dựng Đảng"],
        "documents": ["nq01", "kh15"],
        "conferences": [],
        "caption": "Tài liệu sinh hoạt chuyên đề của một chi bộ.",
        "alt": "Những cuốn tài liệu mở trên bàn gỗ cạnh chiếc đèn bàn",
    },
    {
        "category": "kinh-te-xa-hoi",
        "days": 21,
        "theme": "city",
        "title": "Thành phố Nam Định chỉnh trang các tuyến phố lịch sử",
        "lead": "Sáu tuyến phố cổ của Thành Nam đang được chỉnh trang vỉa hè, hạ ngầm đường dây và "
        "chiếu sáng mặt tiền các công trình kiến trúc có giá trị, trong khuôn khổ thực hiện "
        "Nghị quyết số 04-NQ/TU.",
        "body": """
<p>Theo Kế hoạch số 23-KH/TU của Tỉnh ủy, thành phố ưu tiên bảo tồn kiến trúc đô thị cổ song
song với phát triển các khu đô thị mới. Các hộ dân có nhà thuộc danh mục công trình kiến trúc có
giá trị được hỗ trợ một phần chi phí tu bổ mặt tiền.</p>
<p>Cùng với chỉnh trang, thành phố lắp đặt hệ thống chiếu sáng thông minh tự điều chỉnh độ sáng
theo giờ, tiết kiệm khoảng 35% điện năng so với đèn cũ.</p>
<p>Người dân có thể góp ý phương án chỉnh trang tại trụ sở phường hoặc trên cổng thông tin của
thành phố đến hết tháng này.</p>
""",
        "author": "Thanh Hà",
        "tags": ["đô thị", "di sản"],
        "documents": ["nq04", "kh23"],
        "conferences": [],
        "caption": "Thành phố Nam Định lên đèn.",
        "alt": "Các tòa nhà sáng đèn bên bờ sông lúc hoàng hôn",
    },
    {
        "category": "nghi-quyet-vao-cuoc-song",
        "days": 24,
        "theme": "drum",
        "title": "Nhìn lại 5 năm thực hiện các nghị quyết chuyên đề khóa XX: 24/28 chỉ tiêu đạt "
        "và vượt",
        "lead": "Từ hội nghị trực tuyến học tập 5 nghị quyết chuyên đề tháng 10/2021 đến nay, "
        "Đảng bộ tỉnh đã đi trọn một nhiệm kỳ. Báo cáo tổng kết số 215-BC/TU cho thấy phần lớn "
        "mục tiêu đã thành hiện thực.",
        "body": """
<p>Năm 2021, 1.780 cán bộ chủ chốt ở 11 điểm cầu cùng học tập 5 nghị quyết chuyên đề của Ban
Chấp hành Đảng bộ tỉnh khóa XX. Mỗi nghị quyết có chỉ tiêu định lượng, có cơ quan chủ trì và lịch
sơ kết, tổng kết.</p>
<ul>
<li>Xây dựng Đảng: kết nạp 10.650 đảng viên mới, vượt chỉ tiêu 2.000 đảng viên mỗi năm.</li>
<li>Nông nghiệp: 52% số xã đạt chuẩn nông thôn mới nâng cao.</li>
<li>Công nghiệp: thu hút 3,2 tỷ USD vốn đầu tư trực tiếp nước ngoài.</li>
<li>Chuyển đổi số: 98% hồ sơ công việc cấp tỉnh xử lý trên môi trường mạng.</li>
</ul>
<p>Bốn chỉ tiêu chưa đạt, chủ yếu về đô thị hóa và kinh tế số, được Tỉnh ủy khóa XXI điều chỉnh
và tiếp tục thực hiện đến năm 2030.</p>
""",
        "author": "Ban Biên tập",
        "tags": ["nghị quyết chuyên đề", "tổng kết"],
        "documents": ["bc215", "nq01", "nq02", "nq03", "nq04", "nq05"],
        "conferences": ["province_2021"],
        "caption": "Biểu trưng trống đồng.",
        "alt": "Mặt trống đồng với ngôi sao ở giữa các vòng hoa văn",
    },
    {
        "category": "hoc-tap-va-lam-theo",
        "days": 27,
        "theme": "fields",
        "seed": 4,
        "title": "Nữ đảng viên trẻ đưa nông sản quê lên sàn thương mại điện tử",
        "lead": "Chị Đinh Thị Ngọc, 29 tuổi, đảng viên Chi bộ thôn Trung, xã Nghĩa Lâm, đã giúp 40 "
        "hộ dân bán nước mắm, gạo và mật ong qua mạng, doanh thu năm qua đạt gần 3 tỷ đồng.",
        "body": """
<p>Tốt nghiệp đại học ngành thương mại, chị Ngọc về quê lập hợp tác xã dịch vụ. Chị chụp ảnh,
viết mô tả sản phẩm, đăng ký mã số vùng trồng và đưa sản phẩm lên ba sàn thương mại điện tử.</p>
<p>Chị cũng là thành viên tổ công nghệ số cộng đồng của xã, mỗi tuần dành một buổi tối hướng dẫn
bà con quay video, livestream bán hàng. “Nghị quyết nói kinh tế số, ở quê mình thì kinh tế số bắt
đầu từ cái điện thoại của bà con”, chị nói.</p>
""",
        "author": "Phương Linh",
        "tags": ["chuyển đổi số", "gương điển hình", "OCOP"],
        "documents": ["nq05", "nq02"],
        "conferences": [],
        "caption": "Cánh đồng ở xã Nghĩa Lâm, nơi có những sản phẩm chị Ngọc bán qua mạng.",
        "alt": "Cánh đồng xanh dưới nắng sớm, lá cờ đỏ bên bờ ruộng",
    },
    {
        "category": "xay-dung-dang",
        "days": 30,
        "theme": "hall",
        "seed": 2,
        "title": "Phát triển đảng viên trong doanh nghiệp ngoài nhà nước: những cách làm mới",
        "lead": "Từ 38 tổ chức đảng năm 2020, đến nay các doanh nghiệp ngoài nhà nước trong tỉnh "
        "đã có 71 tổ chức đảng. Nhiều công nhân trực tiếp sản xuất được kết nạp vào Đảng.",
        "body": """
<p>Nghị quyết số 01-NQ/TU chỉ ra phát triển đảng viên trong doanh nghiệp ngoài nhà nước là khâu
yếu. Đảng ủy các khu công nghiệp đã chọn cách làm “đi từ công đoàn”: phát hiện công nhân tích
cực qua phong trào thi đua, giới thiệu học lớp nhận thức về Đảng ngay tại doanh nghiệp, ngoài
giờ làm.</p>
<p>Chủ doanh nghiệp được mời dự các buổi kết nạp đảng viên. Một giám đốc doanh nghiệp may cho
biết: “Đảng viên trong xưởng thường là người đi đầu về kỷ luật và năng suất, nên công ty tạo điều
kiện để chi bộ sinh hoạt”.</p>
""",
        "author": "Đức Anh",
        "tags": ["xây dựng Đảng", "khu công nghiệp"],
        "documents": ["nq01"],
        "conferences": [],
        "caption": "Lễ kết nạp đảng viên tại chi bộ một doanh nghiệp trong khu công nghiệp.",
        "alt": "Hội trường có sân khấu phông đỏ, ngôi sao vàng và các hàng ghế",
    },
    {
        "category": "tin-hoat-dong",
        "days": 33,
        "theme": "people",
        "seed": 3,
        "title": "Kiểm tra công tác phòng cháy, chữa cháy tại các khu dân cư",
        "lead": "Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy làm việc tại 6 địa phương về kết quả thực "
        "hiện Chỉ thị số 09-CT/TU; 96% khu dân cư đã có tổ liên gia an toàn phòng cháy.",
        "body": """
<p>Tại các địa phương, đoàn kiểm tra thực tế điểm chữa cháy công cộng, hộ kinh doanh kết hợp để ở
và một số cơ sở sản xuất. Phần lớn khu dân cư đã trang bị bình chữa cháy, thang, búa phá dỡ tại
điểm công cộng.</p>
<p>Đoàn yêu cầu hoàn thành chỉ tiêu 100% khu dân cư có tổ liên gia an toàn trong năm nay, xử lý
dứt điểm các cơ sở chưa bảo đảm lối thoát nạn.</p>
""",
        "author": "Minh Thu",
        "tags": ["phòng cháy chữa cháy"],
        "documents": ["ct09"],
        "conferences": [],
        "caption": "Lực lượng tình nguyện tham gia tổ liên gia an toàn phòng cháy.",
        "alt": "Nhóm người mặc áo xanh trên đường làng",
    },
    {
        "category": "kinh-te-xa-hoi",
        "days": 37,
        "theme": "coast",
        "title": "Giao Thủy, Nghĩa Hưng phát triển nuôi trồng thủy sản theo chuỗi giá trị",
        "lead": "Vùng nuôi ngao, tôm thẻ chân trắng ở hai huyện ven biển đã có 1.200 ha được cấp "
        "mã số vùng nuôi, sản phẩm truy xuất được nguồn gốc đến từng ô nuôi.",
        "body": """
<p>Theo định hướng của Nghị quyết số 02-NQ/TU, các huyện ven biển chuyển từ nuôi nhỏ lẻ sang
vùng nuôi tập trung có liên kết với doanh nghiệp chế biến. Hợp tác xã ký hợp đồng bao tiêu với
doanh nghiệp xuất khẩu, cam kết quy trình nuôi không dùng kháng sinh.</p>
<p>Nghị quyết số 08/2024/NQ-HĐND hỗ trợ 50% chi phí áp dụng mã số vùng nuôi và truy xuất nguồn
gốc điện tử, giúp sản phẩm vào được các chuỗi siêu thị lớn.</p>
""",
        "author": "Hoàng Long",
        "tags": ["kinh tế biển", "nông thôn mới"],
        "documents": ["nq02", "hdnd08_2024"],
        "conferences": [],
        "caption": "Thuyền cá ở vùng biển Giao Thủy.",
        "alt": "Những con thuyền trên mặt biển xanh, đê biển và rừng ngập mặn phía trước",
    },
    {
        "category": "hoc-tap-va-lam-theo",
        "days": 41,
        "theme": "books",
        "seed": 2,
        "title": "Tủ sách nghị quyết ở nhà văn hóa thôn",
        "lead": "Từ cách làm của Đảng ủy xã Hải Minh, nhiều nhà văn hóa thôn đã có “tủ sách nghị "
        "quyết” với tài liệu hỏi - đáp ngắn gọn, giúp đảng viên cao tuổi và người dân tìm hiểu "
        "nghị quyết dễ hơn.",
        "body": """
<p>Sau hội nghị quán triệt nghị quyết chuyên đề năm 2021, Đảng ủy xã Hải Minh biên soạn tài
liệu hỏi - đáp, in khổ nhỏ, chữ to, đặt tại nhà văn hóa các xóm. Mỗi cuốn chỉ khoảng 20 trang,
trả lời những câu hỏi người dân quan tâm: nghị quyết hỗ trợ gì, ai được hưởng, hỏi ai.</p>
<p>Cách làm này được Ban Tuyên giáo Tỉnh ủy giới thiệu trong Hướng dẫn số 28-HD/BTGTU như một
hình thức tuyên truyền phù hợp ở cơ sở.</p>
""",
        "author": "Minh Thu",
        "tags": ["tuyên truyền", "Hải Hậu"],
        "documents": ["hd28"],
        "conferences": ["commune_2021"],
        "caption": "Tài liệu hỏi - đáp về nghị quyết tại nhà văn hóa xóm.",
        "alt": "Những cuốn sách mở trên bàn gỗ",
    },
    {
        "category": "nghi-quyet-vao-cuoc-song",
        "days": -2,
        "theme": "digital",
        "seed": 3,
        "title": "Hợp tác xã nông nghiệp được hỗ trợ thuê phần mềm từ ngày 01/01/2027",
        "lead": "Nghị quyết số 27/2026/NQ-HĐND hỗ trợ 70% chi phí thuê phần mềm quản lý và 50% "
        "chi phí đưa sản phẩm lên sàn thương mại điện tử cho hợp tác xã nông nghiệp.",
        "body": """
<p>Bài viết hẹn giờ: chỉ hiện ra với bạn đọc khi đến thời điểm xuất bản.</p>
<p>Hợp tác xã nộp hồ sơ đề nghị hỗ trợ tại Ủy ban nhân dân cấp xã nơi đặt trụ sở.</p>
""",
        "author": "Phương Linh",
        "tags": ["chuyển đổi số"],
        "documents": ["hdnd27_2026"],
        "conferences": [],
        "caption": "Ứng dụng quản lý sản xuất trên điện thoại.",
        "alt": "Chiếc điện thoại trên nền mạng lưới kết nối",
    },
    {
        "category": "tin-hoat-dong",
        "days": None,
        "theme": "coast",
        "seed": 2,
        "title": "Lấy ý kiến dự thảo Nghị quyết về phát triển kinh tế biển",
        "lead": "Bản nháp của ban biên tập: chưa xuất bản, không hiện với bạn đọc.",
        "body": "<p>Nội dung đang được biên tập.</p>",
        "author": "Ban Biên tập",
        "tags": ["kinh tế biển"],
        "documents": ["draft_kinh_te_bien"],
        "conferences": [],
        "caption": "",
        "alt": "Biển và thuyền",
    },
]


def _published_at(days):
    """`days` ago, in working hours after the event it reports; None for a draft."""
    if days is None:
        return None
    hour = 11 + abs(days) % 6
    moment = timezone.localtime() - datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=(days * 7) % 60, second=0, microsecond=0)


def save_article(values, *, categories, documents, conferences):
    published_at = _published_at(values["days"])
    article, created = Article.objects.get_or_create(
        slug=slugify_vi(values["title"], max_length=200),
        defaults={
            "title": values["title"],
            "category": categories[values["category"]],
            "lead": values["lead"],
            "body": values["body"],
            "author": values["author"],
            "is_featured": values.get("featured", False),
            "cover_caption": values["caption"],
            "cover_alt": values["alt"],
            "status": Status.DRAFT if published_at is None else Status.PUBLISHED,
            "published_at": published_at,
        },
    )
    if created:
        article.tags.set([Tag.objects.get_or_create(name=name)[0] for name in values["tags"]])
        article.documents.set([documents[key] for key in values["documents"]])
        article.conferences.set([conferences[key] for key in values["conferences"]])
    if not article.cover_image:
        image = render(values["theme"], values.get("seed", 1))
        article.cover_image.save(f"{article.slug}.jpg", ContentFile(image), save=True)
    return article


def load_news(documents, conferences):
    """Create the demo categories and articles; return the articles."""
    categories = {}
    for order, (slug, name, description) in enumerate(CATEGORIES, start=1):
        categories[slug], _ = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )
    articles = [
        save_article(values, categories=categories, documents=documents, conferences=conferences)
        for values in ARTICLES
    ]
    load_reads(articles)
    return articles


def load_reads(articles):
    """A week of invented daily reads for the published articles, for the "Đọc nhiều" box.

    get_or_create: a day already counted is left alone, so a second run adds nothing.
    """
    today = timezone.localdate()
    published = set(Article.objects.published().values_list("pk", flat=True))
    for index, article in enumerate(articles):
        if article.pk not in published:
            continue
        for days_ago in range(7):
            ArticleReads.objects.get_or_create(
                article=article,
                day=today - datetime.timedelta(days=days_ago),
                defaults={"count": 20 + (index * 37 + days_ago * 11) % 140},
            )
