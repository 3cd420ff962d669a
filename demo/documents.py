"""Demo documents: the five thematic resolutions of khóa XX, their plans and what followed.

Everything here is composed for the demo: numbers, dates, figures and names are
plausible, not quoted from real documents.
"""

import datetime
from html import escape

from django.core.files.base import ContentFile
from django.utils import timezone

from demo.files import Letterhead, docx_bytes, pdf_bytes
from ndportal.publishing import Status
from resolutions.models import (
    Document,
    DocumentFile,
    DocumentRelation,
    DocumentType,
    Field,
    IssuingBody,
    Term,
    Validity,
)

date = datetime.date

TERMS = [
    {"name": "XX", "start_year": 2020, "end_year": 2025, "is_current": False},
    {"name": "XXI", "start_year": 2025, "end_year": 2030, "is_current": True},
]

DOCUMENT_TYPES = [
    ("Nghị quyết", "NQ", "nghi-quyet"),
    ("Chỉ thị", "CT", "chi-thi"),
    ("Kết luận", "KL", "ket-luan"),
    ("Quyết định", "QĐ", "quyet-dinh"),
    ("Quy định", "QĐi", "quy-dinh"),
    ("Quy chế", "QC", "quy-che"),
    ("Hướng dẫn", "HD", "huong-dan"),
    ("Kế hoạch", "KH", "ke-hoach"),
    ("Chương trình", "CTr", "chuong-trinh"),
    ("Thông báo", "TB", "thong-bao"),
    ("Báo cáo", "BC", "bao-cao"),
    ("Thông tri", "TT", "thong-tri"),
]

FIELDS = [
    ("Xây dựng Đảng", "xay-dung-dang"),
    ("Kinh tế", "kinh-te"),
    ("Công nghiệp", "cong-nghiep"),
    ("Nông nghiệp", "nong-nghiep"),
    ("Đô thị", "do-thi"),
    ("Chuyển đổi số", "chuyen-doi-so"),
    ("Văn hóa - Xã hội", "van-hoa-xa-hoi"),
    ("Quốc phòng - An ninh", "quoc-phong-an-ninh"),
]

# key: name, code, kind, and the two lines that head its documents.
ISSUING_BODIES = {
    "tu": ("Tỉnh ủy Nam Định", "TU", "party", "ĐẢNG BỘ TỈNH NAM ĐỊNH", "TỈNH ỦY"),
    "btv": ("Ban Thường vụ Tỉnh ủy Nam Định", "TU", "party", "ĐẢNG BỘ TỈNH NAM ĐỊNH", "TỈNH ỦY"),
    "bch": (
        "Ban Chấp hành Đảng bộ tỉnh Nam Định",
        "TU",
        "party",
        "ĐẢNG BỘ TỈNH NAM ĐỊNH",
        "BAN CHẤP HÀNH",
    ),
    "hdnd": (
        "Hội đồng nhân dân tỉnh Nam Định",
        "HĐND",
        "state",
        "HỘI ĐỒNG NHÂN DÂN",
        "TỈNH NAM ĐỊNH",
    ),
    "ubnd": ("Ủy ban nhân dân tỉnh Nam Định", "UBND", "state", "ỦY BAN NHÂN DÂN", "TỈNH NAM ĐỊNH"),
    "btg": (
        "Ban Tuyên giáo Tỉnh ủy Nam Định",
        "BTGTU",
        "party",
        "TỈNH ỦY NAM ĐỊNH",
        "BAN TUYÊN GIÁO",
    ),
}

# key: name, title, and the block above the signature on paper. All names are invented.
SIGNERS = {
    "bi_thu_xx": ("Lê Quang Thịnh", "Bí thư Tỉnh ủy", "T/M BAN CHẤP HÀNH\nBÍ THƯ"),
    "pbt_xx": ("Trần Minh Đức", "Phó Bí thư Thường trực Tỉnh ủy", "T/M TỈNH ỦY\nPHÓ BÍ THƯ"),
    "btv_xx": ("Trần Minh Đức", "Phó Bí thư Thường trực Tỉnh ủy", "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ"),
    "bi_thu_xxi": ("Hoàng Văn Nghĩa", "Bí thư Tỉnh ủy", "T/M TỈNH ỦY\nBÍ THƯ"),
    "truong_ban_tg": ("Nguyễn Thị Lan Anh", "Trưởng Ban Tuyên giáo Tỉnh ủy", "TRƯỞNG BAN"),
    "ct_hdnd": ("Đỗ Văn Tuấn", "Chủ tịch Hội đồng nhân dân tỉnh", "CHỦ TỊCH"),
    "ct_ubnd": ("Phạm Hồng Sơn", "Chủ tịch Ủy ban nhân dân tỉnh", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
    "pct_ubnd": (
        "Vũ Thị Thu Hà",
        "Phó Chủ tịch Ủy ban nhân dân tỉnh",
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    ),
}

PARTY_MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM"
STATE_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"

# The five thematic resolutions (nghị quyết chuyên đề toàn khóa) of the 20th Executive
# Committee. Their full text is assembled from these parts by `resolution_body`.
THEMATIC_RESOLUTIONS = [
    {
        "key": "nq01",
        "number": "01-NQ/TU",
        "issued_on": date(2021, 3, 19),
        "fields": ["xay-dung-dang"],
        "title": "về nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất "
        "lượng đội ngũ cán bộ, đảng viên giai đoạn 2021-2025",
        "summary": "Nghị quyết xác định xây dựng, chỉnh đốn Đảng là nhiệm vụ then chốt của "
        "nhiệm kỳ; đặt mục tiêu hằng năm có từ 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ "
        "trở lên, kết nạp từ 2.000 đảng viên mới mỗi năm và đánh giá cán bộ bằng kết quả, sản "
        "phẩm cụ thể.",
        "situation": [
            "Nhiệm kỳ 2015-2020, công tác xây dựng Đảng của tỉnh đạt nhiều kết quả quan trọng: "
            "hệ thống tổ chức đảng được sắp xếp gọn hơn, chất lượng sinh hoạt chi bộ có chuyển "
            "biến, đội ngũ cán bộ cấp xã được chuẩn hóa một bước, công tác kiểm tra, giám sát "
            "được tăng cường.",
            "Tuy nhiên, năng lực lãnh đạo của một số tổ chức cơ sở đảng còn hạn chế; nội dung "
            "sinh hoạt ở không ít chi bộ còn đơn điệu, nặng về thủ tục; một bộ phận cán bộ, đảng "
            "viên chưa gương mẫu, còn ngại va chạm; việc phát triển đảng viên trong doanh nghiệp "
            "ngoài nhà nước còn chậm.",
        ],
        "viewpoints": [
            "Xây dựng Đảng là nhiệm vụ then chốt, quyết định thành công của việc thực hiện Nghị "
            "quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX.",
            "Tổ chức cơ sở đảng là nền tảng, đảng viên là tế bào của Đảng; nâng cao chất lượng "
            "sinh hoạt chi bộ là khâu trọng tâm.",
            "Cán bộ là gốc của mọi công việc; đánh giá cán bộ phải căn cứ vào kết quả, sản phẩm "
            "cụ thể và sự hài lòng của Nhân dân.",
        ],
        "goal": "Xây dựng Đảng bộ tỉnh trong sạch, vững mạnh về chính trị, tư tưởng, đạo đức, "
        "tổ chức và cán bộ; tổ chức cơ sở đảng đủ năng lực lãnh đạo; đội ngũ cán bộ có phẩm "
        "chất, năng lực, uy tín ngang tầm nhiệm vụ.",
        "targets": [
            "Hằng năm có từ 90% tổ chức cơ sở đảng trở lên được xếp loại hoàn thành tốt nhiệm vụ "
            "trở lên; không có tổ chức cơ sở đảng yếu kém kéo dài.",
            "Kết nạp từ 2.000 đảng viên mới trở lên mỗi năm; 100% thôn, tổ dân phố có chi bộ.",
            "100% chi bộ sinh hoạt chuyên đề ít nhất mỗi quý một lần.",
            "Đến năm 2025, 100% cán bộ chủ chốt cấp xã có trình độ đại học chuyên môn và trung "
            "cấp lý luận chính trị trở lên.",
            "Mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính đạt trên 85%.",
        ],
        "tasks": [
            "Đổi mới nội dung, phương thức sinh hoạt chi bộ; mỗi cấp ủy chọn chi bộ điểm để rút "
            "kinh nghiệm, nhân rộng.",
            "Rà soát, kiện toàn tổ chức đảng trong doanh nghiệp ngoài nhà nước và các khu công "
            "nghiệp; chú trọng phát triển đảng viên là công nhân trực tiếp sản xuất.",
            "Xây dựng đội ngũ cán bộ các cấp, nhất là người đứng đầu; thực hiện luân chuyển, "
            "điều động gắn với quy hoạch.",
            "Tăng cường kiểm tra, giám sát; xử lý nghiêm cán bộ, đảng viên vi phạm, suy thoái.",
            "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với "
            "trách nhiệm nêu gương của cán bộ, đảng viên.",
        ],
        "lead_department": "Ban Tổ chức Tỉnh ủy",
    },
    {
        "key": "nq02",
        "number": "02-NQ/TU",
        "issued_on": date(2021, 3, 19),
        "fields": ["nong-nghiep", "kinh-te"],
        "title": "về phát triển nông nghiệp hàng hóa tập trung, quy mô lớn, ứng dụng công nghệ "
        "cao gắn với xây dựng nông thôn mới nâng cao, kiểu mẫu giai đoạn 2021-2025",
        "summary": "Nghị quyết chuyển trọng tâm từ sản lượng sang giá trị: xây dựng 35.000 ha "
        "lúa chất lượng cao, đưa giá trị thu được trên 1 ha canh tác lên trên 150 triệu đồng, "
        "có ít nhất 50% số xã đạt chuẩn nông thôn mới nâng cao vào năm 2025.",
        "situation": [
            "Sau mười năm xây dựng nông thôn mới, diện mạo nông thôn của tỉnh đổi thay rõ rệt: "
            "hạ tầng giao thông, thủy lợi, trường học, trạm y tế được đầu tư đồng bộ; thu nhập "
            "của người dân nông thôn tăng gấp hơn hai lần so với năm 2010.",
            "Tuy vậy, sản xuất nông nghiệp vẫn còn manh mún, nhỏ lẻ; liên kết giữa nông dân, hợp "
            "tác xã và doanh nghiệp còn lỏng lẻo; ứng dụng công nghệ cao chưa nhiều; giá trị "
            "gia tăng của nông sản thấp, nhiều sản phẩm chưa có thương hiệu.",
        ],
        "viewpoints": [
            "Nông nghiệp, nông dân, nông thôn có vị trí chiến lược; phát triển nông nghiệp "
            "hàng hóa là hướng đi tất yếu để nâng cao thu nhập của người dân.",
            "Lấy thị trường làm định hướng, doanh nghiệp làm trung tâm, hợp tác xã làm cầu nối, "
            "nông dân là chủ thể.",
            "Xây dựng nông thôn mới là quá trình thường xuyên, liên tục, có điểm khởi đầu nhưng "
            "không có điểm kết thúc.",
        ],
        "goal": "Hình thành các vùng sản xuất hàng hóa tập trung, quy mô lớn, ứng dụng công nghệ "
        "cao, có giá trị gia tăng và sức cạnh tranh; xây dựng nông thôn mới nâng cao, kiểu mẫu "
        "đáng sống, giàu bản sắc văn hóa.",
        "targets": [
            "Tốc độ tăng giá trị sản xuất nông, lâm nghiệp và thủy sản bình quân 2,5-3%/năm.",
            "Đến năm 2025 có 35.000 ha lúa chất lượng cao, trong đó 15.000 ha cánh đồng lớn có "
            "liên kết sản xuất - tiêu thụ.",
            "Giá trị sản phẩm thu được trên 1 ha đất trồng trọt và nuôi trồng thủy sản đạt trên "
            "150 triệu đồng.",
            "Ít nhất 50% số xã đạt chuẩn nông thôn mới nâng cao, 15% số xã đạt chuẩn nông thôn "
            "mới kiểu mẫu.",
            "Mỗi huyện có ít nhất 5 sản phẩm OCOP đạt 3 sao trở lên.",
            "Thu nhập bình quân đầu người khu vực nông thôn đạt 70 triệu đồng/năm.",
        ],
        "tasks": [
            "Quy hoạch lại các vùng sản xuất lúa chất lượng cao, rau màu, cây dược liệu, nuôi "
            "trồng thủy sản tập trung ở các huyện ven biển.",
            "Khuyến khích tích tụ, tập trung ruộng đất; hỗ trợ doanh nghiệp đầu tư vào nông "
            "nghiệp công nghệ cao, chế biến sâu và bảo quản sau thu hoạch.",
            "Củng cố, phát triển hợp tác xã kiểu mới làm đầu mối liên kết chuỗi giá trị.",
            "Đẩy mạnh chương trình Mỗi xã một sản phẩm (OCOP), xây dựng thương hiệu nông sản "
            "Nam Định.",
            "Huy động nguồn lực xã hội cho xây dựng nông thôn mới; phát huy vai trò chủ thể "
            "của người dân.",
        ],
        "lead_department": "Ban Cán sự đảng Ủy ban nhân dân tỉnh",
    },
    {
        "key": "nq03",
        "number": "03-NQ/TU",
        "issued_on": date(2021, 6, 25),
        "fields": ["cong-nghiep", "kinh-te"],
        "title": "về phát triển công nghiệp, thu hút đầu tư vào các khu công nghiệp, cụm công "
        "nghiệp giai đoạn 2021-2025, định hướng đến năm 2030",
        "summary": "Nghị quyết lấy công nghiệp làm động lực tăng trưởng: giá trị sản xuất công "
        "nghiệp tăng bình quân 12-13%/năm, tỷ trọng công nghiệp - xây dựng đạt 43% GRDP, tỷ "
        "lệ lấp đầy các khu công nghiệp đang hoạt động trên 80% vào năm 2025.",
        "situation": [
            "Công nghiệp của tỉnh giữ được tốc độ tăng trưởng khá; các khu công nghiệp Hòa Xá, "
            "Mỹ Trung, Bảo Minh cơ bản được lấp đầy; ngành dệt may, cơ khí, điện tử đóng góp "
            "phần lớn giá trị xuất khẩu của tỉnh.",
            "Song quy mô công nghiệp còn nhỏ; thiếu dự án lớn, công nghệ cao; hạ tầng nhiều cụm "
            "công nghiệp chưa hoàn thiện, xử lý nước thải chưa đạt yêu cầu; nguồn nhân lực qua "
            "đào tạo chưa đáp ứng nhu cầu của nhà đầu tư.",
        ],
        "viewpoints": [
            "Phát triển công nghiệp là động lực chủ yếu cho tăng trưởng nhanh và bền vững của "
            "tỉnh trong giai đoạn mới.",
            "Thu hút đầu tư có chọn lọc, ưu tiên dự án công nghệ cao, thân thiện môi trường, "
            "suất đầu tư lớn và sử dụng ít đất.",
            "Hạ tầng đi trước một bước; chính quyền kiến tạo, đồng hành cùng doanh nghiệp.",
        ],
        "goal": "Đưa công nghiệp trở thành ngành kinh tế chủ lực, có cơ cấu hợp lý, giá trị gia "
        "tăng cao; các khu, cụm công nghiệp có hạ tầng đồng bộ, hiện đại, hấp dẫn nhà đầu tư.",
        "targets": [
            "Tốc độ tăng giá trị sản xuất công nghiệp bình quân 12-13%/năm.",
            "Tỷ trọng công nghiệp - xây dựng trong cơ cấu kinh tế đạt 43% vào năm 2025.",
            "Thu hút 3 tỷ USD vốn đầu tư trực tiếp nước ngoài và 50.000 tỷ đồng vốn đầu tư "
            "trong nước vào các khu, cụm công nghiệp.",
            "Tỷ lệ lấp đầy các khu công nghiệp đang hoạt động đạt trên 80%; hoàn thành hạ tầng "
            "20 cụm công nghiệp.",
            "100% khu, cụm công nghiệp đang hoạt động có hệ thống xử lý nước thải tập trung đạt "
            "chuẩn.",
            "Tạo việc làm mới cho 60.000 lao động.",
        ],
        "tasks": [
            "Hoàn thành quy hoạch và đầu tư hạ tầng khu công nghiệp trong Khu kinh tế Ninh Cơ; "
            "mở rộng các khu công nghiệp hiện có.",
            "Cải thiện môi trường đầu tư kinh doanh; rút ngắn thời gian giải quyết thủ tục đầu "
            "tư; mỗi dự án lớn có một lãnh đạo tỉnh theo dõi, tháo gỡ vướng mắc.",
            "Làm tốt công tác bồi thường, giải phóng mặt bằng; tạo quỹ đất sạch sẵn sàng cho "
            "nhà đầu tư.",
            "Đào tạo nghề gắn với nhu cầu của doanh nghiệp; xây dựng nhà ở cho công nhân.",
            "Kiểm soát chặt chẽ ô nhiễm môi trường tại các khu, cụm công nghiệp.",
        ],
        "lead_department": "Ban Kinh tế - Ngân sách Tỉnh ủy",
    },
    {
        "key": "nq04",
        "number": "04-NQ/TU",
        "issued_on": date(2021, 6, 25),
        "fields": ["do-thi", "kinh-te"],
        "title": "về xây dựng, phát triển đô thị tỉnh Nam Định theo hướng xanh, thông minh, giàu "
        "bản sắc giai đoạn 2021-2025, tầm nhìn đến năm 2030",
        "summary": "Nghị quyết đặt mục tiêu tỷ lệ đô thị hóa đạt 35% vào năm 2025, xây dựng thành "
        "phố Nam Định thành trung tâm vùng Nam đồng bằng sông Hồng, phát triển các đô thị ven "
        "biển và bảo tồn di sản đô thị lịch sử.",
        "situation": [
            "Hệ thống đô thị của tỉnh từng bước được mở rộng; thành phố Nam Định có nhiều công "
            "trình hạ tầng mới, các thị trấn huyện lỵ được chỉnh trang; công tác quy hoạch được "
            "quan tâm hơn.",
            "Tuy nhiên, tỷ lệ đô thị hóa còn thấp so với bình quân cả nước; chất lượng đô thị "
            "chưa cao; hạ tầng thoát nước, xử lý chất thải, cây xanh còn thiếu; nhiều công trình "
            "kiến trúc có giá trị lịch sử xuống cấp.",
        ],
        "viewpoints": [
            "Đô thị hóa là động lực phát triển kinh tế - xã hội; phát triển đô thị phải đi trước "
            "một bước về quy hoạch và hạ tầng.",
            "Phát triển đô thị xanh, thông minh, thích ứng với biến đổi khí hậu, gìn giữ bản sắc "
            "văn hóa của vùng đất Thành Nam.",
            "Người dân vừa là chủ thể, vừa là người thụ hưởng thành quả phát triển đô thị.",
        ],
        "goal": "Xây dựng hệ thống đô thị phát triển hài hòa, bền vững, có hạ tầng đồng bộ; thành "
        "phố Nam Định trở thành đô thị trung tâm vùng Nam đồng bằng sông Hồng.",
        "targets": [
            "Tỷ lệ đô thị hóa đạt 35% vào năm 2025 và 45% vào năm 2030.",
            "Thành phố Nam Định cơ bản đạt các tiêu chí đô thị loại I vào năm 2025.",
            "100% đô thị có quy hoạch chung được duyệt; 80% diện tích đô thị có quy hoạch phân "
            "khu.",
            "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt 98%.",
            "Diện tích cây xanh công cộng bình quân đạt 5 m²/người tại thành phố Nam Định.",
        ],
        "tasks": [
            "Rà soát, điều chỉnh quy hoạch chung thành phố Nam Định và các đô thị huyện lỵ; lập "
            "quy hoạch đô thị ven biển Thịnh Long, Quất Lâm, Rạng Đông.",
            "Đầu tư các tuyến giao thông kết nối, hệ thống thoát nước chống ngập và nhà máy xử lý "
            "nước thải đô thị.",
            "Bảo tồn, phát huy giá trị di tích và kiến trúc đô thị cổ; chỉnh trang các tuyến phố "
            "lịch sử.",
            "Ứng dụng công nghệ số trong quản lý đô thị, giao thông, chiếu sáng và an ninh.",
            "Huy động vốn xã hội hóa qua các dự án khu đô thị mới theo quy hoạch.",
        ],
        "lead_department": "Ban Cán sự đảng Ủy ban nhân dân tỉnh",
    },
    {
        "key": "nq05",
        "number": "05-NQ/TU",
        "issued_on": date(2021, 9, 17),
        "fields": ["chuyen-doi-so", "kinh-te"],
        "title": "về chuyển đổi số tỉnh Nam Định đến năm 2025, định hướng đến năm 2030",
        "summary": "Nghị quyết xác định chuyển đổi số là đột phá của nhiệm kỳ trên ba trụ cột "
        "chính quyền số, kinh tế số và xã hội số: 100% dịch vụ công đủ điều kiện được cung cấp "
        "trực tuyến toàn trình, kinh tế số chiếm 10% GRDP vào năm 2025.",
        "situation": [
            "Hạ tầng viễn thông của tỉnh phủ sóng rộng; hệ thống quản lý văn bản và điều hành, "
            "cổng dịch vụ công được đưa vào sử dụng; nhiều doanh nghiệp bắt đầu ứng dụng thương "
            "mại điện tử.",
            "Nhưng nhận thức về chuyển đổi số ở nhiều nơi chưa đầy đủ; dữ liệu còn phân tán, "
            "chưa kết nối; tỷ lệ hồ sơ dịch vụ công trực tuyến thấp; nhân lực công nghệ thông tin "
            "ở cấp cơ sở còn thiếu.",
        ],
        "viewpoints": [
            "Chuyển đổi số là nhiệm vụ đột phá, vừa cấp bách vừa lâu dài, của cả hệ thống chính "
            "trị.",
            "Người dân và doanh nghiệp là trung tâm; lấy sự hài lòng của người dân làm thước đo.",
            "Nhận thức đi trước, thể chế và hạ tầng đi cùng, dữ liệu là nền tảng.",
        ],
        "goal": "Phát triển chính quyền số, kinh tế số, xã hội số; thay đổi căn bản cách thức "
        "quản lý, điều hành và phục vụ người dân, doanh nghiệp.",
        "targets": [
            "100% dịch vụ công đủ điều kiện được cung cấp trực tuyến toàn trình; tỷ lệ hồ sơ giải "
            "quyết trực tuyến đạt trên 50%.",
            "100% văn bản trao đổi giữa các cơ quan nhà nước dưới dạng điện tử (trừ văn bản mật).",
            "Kinh tế số chiếm 10% GRDP vào năm 2025 và 20% vào năm 2030.",
            "80% hộ gia đình có kết nối Internet cáp quang; 70% người trưởng thành có tài khoản "
            "thanh toán điện tử.",
            "100% xã, phường, thị trấn có tổ công nghệ số cộng đồng hoạt động thường xuyên.",
        ],
        "tasks": [
            "Xây dựng trung tâm điều hành thông minh của tỉnh; hoàn thành các cơ sở dữ liệu dùng "
            "chung về dân cư, đất đai, doanh nghiệp.",
            "Đơn giản hóa thủ tục hành chính gắn với cung cấp dịch vụ công trực tuyến.",
            "Hỗ trợ doanh nghiệp nhỏ và vừa, hợp tác xã đưa sản phẩm lên sàn thương mại điện tử.",
            "Phổ cập kỹ năng số cho người dân qua các tổ công nghệ số cộng đồng.",
            "Bảo đảm an toàn, an ninh mạng; bố trí đủ nhân lực công nghệ thông tin ở các cấp.",
        ],
        "lead_department": "Ban Cán sự đảng Ủy ban nhân dân tỉnh",
    },
]

# The plans of the Tỉnh ủy that implement each thematic resolution.
PLANS = [
    ("kh15", "15-KH/TU", date(2021, 4, 12), "nq01"),
    ("kh16", "16-KH/TU", date(2021, 4, 12), "nq02"),
    ("kh22", "22-KH/TU", date(2021, 7, 20), "nq03"),
    ("kh23", "23-KH/TU", date(2021, 7, 20), "nq04"),
    ("kh31", "31-KH/TU", date(2021, 10, 5), "nq05"),
]

# Other documents, each with its own body. `term` and `status` default to khóa XX and
# published; validity is worked out from the dates and relations unless overridden.
OTHER_DOCUMENTS = [
    {
        "key": "hd28",
        "number": "28-HD/BTGTU",
        "type": "HD",
        "body": "btg",
        "signer": "truong_ban_tg",
        "issued_on": date(2021, 9, 24),
        "fields": ["xay-dung-dang"],
        "title": "học tập, quán triệt, tuyên truyền các nghị quyết chuyên đề của Ban Chấp hành "
        "Đảng bộ tỉnh khóa XX",
        "summary": "Hướng dẫn nội dung, hình thức và tiến độ học tập 5 nghị quyết chuyên đề ở "
        "các cấp: hội nghị trực tuyến cấp tỉnh trong tháng 10/2021, cấp huyện và cơ sở hoàn "
        "thành trước ngày 30/11/2021; mỗi đảng viên viết bài thu hoạch.",
        "body_html": """
<h2>I. Mục đích, yêu cầu</h2>
<p>Giúp cán bộ, đảng viên và Nhân dân nắm vững quan điểm, mục tiêu, chỉ tiêu và nhiệm vụ của 5
nghị quyết chuyên đề; tạo sự thống nhất về nhận thức và hành động trong toàn Đảng bộ.</p>
<h2>II. Nội dung và hình thức</h2>
<ul>
<li>Cấp tỉnh: hội nghị trực tuyến cán bộ chủ chốt, kết nối đến điểm cầu các huyện, thành phố.</li>
<li>Cấp huyện: hội nghị cán bộ chủ chốt, bí thư chi bộ trực thuộc; hoàn thành trước 31/10/2021.</li>
<li>Cấp cơ sở: đảng ủy, chi bộ tổ chức học tập cho toàn thể đảng viên trước 30/11/2021.</li>
<li>Mỗi đảng viên viết bài thu hoạch gắn với nhiệm vụ của cơ quan, đơn vị, địa phương.</li>
</ul>
<h2>III. Tổ chức thực hiện</h2>
<p>Ban Tuyên giáo các huyện ủy, thành ủy, đảng ủy trực thuộc báo cáo kết quả về Ban Tuyên giáo
Tỉnh ủy trước ngày 15/12/2021, nêu rõ tỷ lệ cán bộ, đảng viên tham gia học tập.</p>
""",
        "files": True,
    },
    {
        "key": "hdnd12_2021",
        "number": "12/2021/NQ-HĐND",
        "type": "NQ",
        "body": "hdnd",
        "signer": "ct_hdnd",
        "issued_on": date(2021, 7, 9),
        "effective_on": date(2021, 7, 20),
        "expires_on": date(2024, 8, 1),
        "fields": ["nong-nghiep"],
        "title": "quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp hàng hóa tập trung "
        "trên địa bàn tỉnh Nam Định giai đoạn 2021-2025",
        "summary": "Hỗ trợ 1,5 triệu đồng/ha cho cánh đồng lớn có hợp đồng liên kết tiêu thụ, hỗ "
        "trợ lãi suất vốn vay đầu tư nhà lưới, nhà màng. Hết hiệu lực từ 01/8/2024, được thay "
        "thế bởi Nghị quyết số 08/2024/NQ-HĐND.",
        "body_html": """
<p><strong>Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng</strong></p>
<p>Nghị quyết này quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp hàng hóa tập trung
đối với hộ gia đình, hợp tác xã và doanh nghiệp sản xuất trên địa bàn tỉnh.</p>
<p><strong>Điều 2. Nội dung và mức hỗ trợ</strong></p>
<ul>
<li>Hỗ trợ 1.500.000 đồng/ha/vụ cho cánh đồng lớn từ 30 ha trở lên có hợp đồng liên kết
tiêu thụ.</li>
<li>Hỗ trợ 50% lãi suất vốn vay trong 24 tháng để đầu tư nhà lưới, nhà màng, tối đa 300 triệu
đồng.</li>
<li>Hỗ trợ 30 triệu đồng cho mỗi sản phẩm được công nhận OCOP 3 sao trở lên.</li>
</ul>
<p><strong>Điều 3. Hiệu lực thi hành</strong></p>
<p>Nghị quyết có hiệu lực từ ngày 20 tháng 7 năm 2021.</p>
""",
    },
    {
        "key": "hdnd08_2024",
        "number": "08/2024/NQ-HĐND",
        "type": "NQ",
        "body": "hdnd",
        "signer": "ct_hdnd",
        "issued_on": date(2024, 7, 12),
        "effective_on": date(2024, 8, 1),
        "fields": ["nong-nghiep"],
        "title": "quy định chính sách hỗ trợ phát triển nông nghiệp hàng hóa, ứng dụng công nghệ "
        "cao trên địa bàn tỉnh Nam Định giai đoạn 2024-2030",
        "summary": "Thay thế Nghị quyết số 12/2021/NQ-HĐND; nâng mức hỗ trợ cánh đồng lớn lên 2 "
        "triệu đồng/ha, bổ sung hỗ trợ chuyển đổi số và truy xuất nguồn gốc nông sản.",
        "body_html": """
<p><strong>Điều 1. Phạm vi điều chỉnh</strong></p>
<p>Nghị quyết quy định chính sách hỗ trợ phát triển nông nghiệp hàng hóa, ứng dụng công nghệ cao
trên địa bàn tỉnh giai đoạn 2024-2030.</p>
<p><strong>Điều 2. Nội dung và mức hỗ trợ</strong></p>
<ul>
<li>Hỗ trợ 2.000.000 đồng/ha/vụ cho cánh đồng lớn có hợp đồng liên kết sản xuất - tiêu thụ.</li>
<li>Hỗ trợ 50% chi phí áp dụng mã số vùng trồng và truy xuất nguồn gốc điện tử.</li>
<li>Hỗ trợ một lần 100 triệu đồng cho hợp tác xã ứng dụng phần mềm quản lý sản xuất.</li>
</ul>
<p><strong>Điều 3. Điều khoản thi hành</strong></p>
<p>Nghị quyết có hiệu lực từ ngày 01 tháng 8 năm 2024 và thay thế Nghị quyết số 12/2021/NQ-HĐND.</p>
""",
    },
    {
        "key": "qd1567",
        "number": "1567/QĐ-UBND",
        "type": "QĐ",
        "body": "ubnd",
        "signer": "ct_ubnd",
        "issued_on": date(2021, 8, 16),
        "fields": ["cong-nghiep", "kinh-te"],
        "title": "ban hành Kế hoạch của Ủy ban nhân dân tỉnh thực hiện Nghị quyết số 03-NQ/TU "
        "của Ban Chấp hành Đảng bộ tỉnh về phát triển công nghiệp",
        "summary": "Giao 46 nhiệm vụ cụ thể cho các sở, ngành và Ủy ban nhân dân các huyện, thành "
        "phố, kèm tiến độ hoàn thành và nguồn vốn đầu tư hạ tầng khu, cụm công nghiệp.",
        "body_html": """
<p><strong>Điều 1.</strong> Ban hành kèm theo Quyết định này Kế hoạch thực hiện Nghị quyết số
03-NQ/TU ngày 25/6/2021 của Ban Chấp hành Đảng bộ tỉnh.</p>
<p><strong>Điều 2.</strong> Sở Công Thương chủ trì theo dõi, tổng hợp tình hình thực hiện, báo cáo
Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 hằng năm.</p>
<p><strong>Điều 3.</strong> Quyết định có hiệu lực kể từ ngày ký.</p>
""",
    },
    {
        "key": "qd25_2021",
        "number": "25/2021/QĐ-UBND",
        "type": "QĐ",
        "body": "ubnd",
        "signer": "ct_ubnd",
        "issued_on": date(2021, 9, 30),
        "effective_on": date(2021, 10, 15),
        "validity_override": Validity.PARTLY_EXPIRED,
        "validity_note": "Điều 9 và Điều 12 được sửa đổi, bổ sung bởi Quyết định số "
        "15/2023/QĐ-UBND.",
        "validity_changed_on": date(2023, 6, 1),
        "fields": ["cong-nghiep"],
        "title": "ban hành Quy định quản lý cụm công nghiệp trên địa bàn tỉnh Nam Định",
        "summary": "Quy định trình tự thành lập, mở rộng cụm công nghiệp và trách nhiệm của chủ "
        "đầu tư hạ tầng. Điều 9 và Điều 12 được sửa đổi, bổ sung bởi Quyết định số "
        "15/2023/QĐ-UBND.",
        "body_html": """
<p><strong>Điều 1.</strong> Ban hành kèm theo Quyết định này Quy định quản lý cụm công nghiệp trên
địa bàn tỉnh Nam Định.</p>
<p><strong>Điều 2.</strong> Quyết định có hiệu lực từ ngày 15 tháng 10 năm 2021.</p>
<p><em>Ghi chú của ban biên tập: Điều 9 và Điều 12 của Quy định đã được sửa đổi, bổ sung bởi
Quyết định số 15/2023/QĐ-UBND.</em></p>
""",
    },
    {
        "key": "qd15_2023",
        "number": "15/2023/QĐ-UBND",
        "type": "QĐ",
        "body": "ubnd",
        "signer": "pct_ubnd",
        "issued_on": date(2023, 5, 18),
        "effective_on": date(2023, 6, 1),
        "fields": ["cong-nghiep"],
        "title": "sửa đổi, bổ sung một số điều của Quy định quản lý cụm công nghiệp trên địa bàn "
        "tỉnh Nam Định ban hành kèm theo Quyết định số 25/2021/QĐ-UBND",
        "summary": "Rút thời gian thẩm định hồ sơ thành lập cụm công nghiệp từ 30 xuống 20 ngày "
        "làm việc; bắt buộc có hệ thống xử lý nước thải trước khi tiếp nhận dự án thứ cấp.",
        "body_html": """
<p><strong>Điều 1.</strong> Sửa đổi khoản 2 Điều 9: thời gian thẩm định hồ sơ thành lập, mở rộng
cụm công nghiệp không quá 20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.</p>
<p><strong>Điều 2.</strong> Bổ sung khoản 4 Điều 12: chủ đầu tư hạ tầng chỉ được tiếp nhận dự án
thứ cấp khi hệ thống xử lý nước thải tập trung đã được nghiệm thu.</p>
<p><strong>Điều 3.</strong> Quyết định có hiệu lực từ ngày 01 tháng 6 năm 2023.</p>
""",
    },
    {
        "key": "qd2188",
        "number": "2188/QĐ-UBND",
        "type": "QĐ",
        "body": "ubnd",
        "signer": "ct_ubnd",
        "issued_on": date(2021, 10, 22),
        "fields": ["chuyen-doi-so"],
        "title": "phê duyệt Đề án chuyển đổi số tỉnh Nam Định giai đoạn 2021-2025, định hướng "
        "đến năm 2030",
        "summary": "Phê duyệt Đề án với 6 nhóm nhiệm vụ và 32 dự án thành phần, trong đó ưu tiên "
        "trung tâm điều hành thông minh và kho dữ liệu dùng chung của tỉnh.",
        "body_html": """
<p><strong>Điều 1.</strong> Phê duyệt Đề án chuyển đổi số tỉnh Nam Định giai đoạn 2021-2025,
định hướng đến năm 2030, với các nhóm nhiệm vụ: hạ tầng số; dữ liệu số; chính quyền số; kinh tế
số; xã hội số; bảo đảm an toàn thông tin.</p>
<p><strong>Điều 2.</strong> Sở Thông tin và Truyền thông là cơ quan thường trực, chủ trì hướng
dẫn, kiểm tra việc thực hiện Đề án.</p>
<p><strong>Điều 3.</strong> Quyết định có hiệu lực kể từ ngày ký.</p>
""",
    },
    {
        "key": "ct09",
        "number": "09-CT/TU",
        "type": "CT",
        "body": "btv",
        "signer": "btv_xx",
        "issued_on": date(2022, 2, 14),
        "fields": ["quoc-phong-an-ninh"],
        "title": "về tăng cường sự lãnh đạo của các cấp ủy đảng đối với công tác phòng cháy, chữa "
        "cháy và cứu nạn, cứu hộ trong tình hình mới",
        "summary": "Yêu cầu người đứng đầu cấp ủy, chính quyền chịu trách nhiệm về công tác phòng "
        "cháy, chữa cháy ở địa phương; 100% khu dân cư có tổ liên gia an toàn phòng cháy.",
        "body_html": """
<p>Thời gian qua, công tác phòng cháy, chữa cháy trên địa bàn tỉnh có nhiều chuyển biến. Tuy
nhiên, tình hình cháy, nổ tại khu dân cư, cơ sở sản xuất, kinh doanh vẫn diễn biến phức tạp.
Để tăng cường sự lãnh đạo của Đảng đối với công tác này, Ban Thường vụ Tỉnh ủy yêu cầu:</p>
<ol>
<li>Người đứng đầu cấp ủy, chính quyền trực tiếp chỉ đạo và chịu trách nhiệm về công tác phòng
cháy, chữa cháy ở địa phương, đơn vị.</li>
<li>Đến năm 2025, 100% khu dân cư có tổ liên gia an toàn phòng cháy, chữa cháy và điểm chữa
cháy công cộng.</li>
<li>Kiểm tra, xử lý nghiêm vi phạm tại nhà ở kết hợp kinh doanh, chung cư, cơ sở sản xuất.</li>
</ol>
""",
    },
    {
        "key": "ct21",
        "number": "21-CT/TU",
        "type": "CT",
        "body": "btv",
        "signer": "btv_xx",
        "issued_on": date(2024, 8, 8),
        "fields": ["xay-dung-dang"],
        "title": "về lãnh đạo đại hội đảng bộ các cấp tiến tới Đại hội đại biểu Đảng bộ tỉnh lần "
        "thứ XXI, nhiệm kỳ 2025-2030",
        "summary": "Định hướng chuẩn bị văn kiện, nhân sự và tổ chức đại hội đảng bộ các cấp; đại "
        "hội chi bộ hoàn thành trong quý II/2025, đại hội cấp trên cơ sở hoàn thành trong quý "
        "III/2025.",
        "body_html": """
<p>Đại hội đảng bộ các cấp là sinh hoạt chính trị sâu rộng trong toàn Đảng bộ. Ban Thường vụ
Tỉnh ủy yêu cầu các cấp ủy tập trung lãnh đạo tốt các nội dung sau:</p>
<ul>
<li>Chuẩn bị văn kiện đánh giá khách quan kết quả thực hiện nghị quyết nhiệm kỳ 2020-2025, nhất
là 5 nghị quyết chuyên đề; xác định mục tiêu, khâu đột phá nhiệm kỳ 2025-2030.</li>
<li>Làm tốt công tác nhân sự, bảo đảm đúng nguyên tắc, quy trình; không để người không đủ tiêu
chuẩn, không xứng đáng tham gia cấp ủy.</li>
<li>Đại hội chi bộ trực thuộc hoàn thành trong quý II/2025; đại hội đảng bộ cấp trên cơ sở hoàn
thành trong quý III/2025.</li>
</ul>
""",
    },
    {
        "key": "kl112",
        "number": "112-KL/TU",
        "type": "KL",
        "body": "tu",
        "signer": "pbt_xx",
        "issued_on": date(2023, 6, 26),
        "fields": ["xay-dung-dang", "kinh-te"],
        "title": "về sơ kết giữa nhiệm kỳ thực hiện các nghị quyết chuyên đề của Ban Chấp hành "
        "Đảng bộ tỉnh khóa XX",
        "summary": "Sau hai năm, 21/28 chỉ tiêu của 5 nghị quyết chuyên đề đạt hoặc vượt tiến độ; "
        "thu hút đầu tư và chuyển đổi số chuyển biến rõ, phát triển đảng viên trong doanh "
        "nghiệp và tỷ lệ đô thị hóa còn chậm.",
        "body_html": """
<p>Tại hội nghị sơ kết giữa nhiệm kỳ, Tỉnh ủy đánh giá: sau hai năm, 21/28 chỉ tiêu của 5 nghị
quyết chuyên đề đạt hoặc vượt tiến độ đề ra.</p>
<h2>Kết quả nổi bật</h2>
<ul>
<li>Thu hút được 1,7 tỷ USD vốn đầu tư trực tiếp nước ngoài vào các khu công nghiệp.</li>
<li>Tỷ lệ hồ sơ dịch vụ công giải quyết trực tuyến đạt 46%.</li>
<li>28% số xã đạt chuẩn nông thôn mới nâng cao.</li>
</ul>
<h2>Hạn chế cần khắc phục</h2>
<ul>
<li>Phát triển đảng viên trong doanh nghiệp ngoài nhà nước còn chậm.</li>
<li>Tỷ lệ đô thị hóa mới đạt 24%, thấp so với mục tiêu.</li>
</ul>
""",
    },
    {
        "key": "bc215",
        "number": "215-BC/TU",
        "type": "BC",
        "body": "tu",
        "signer": "pbt_xx",
        "issued_on": date(2025, 8, 15),
        "fields": ["xay-dung-dang", "kinh-te"],
        "title": "tổng kết 5 năm thực hiện các nghị quyết chuyên đề của Ban Chấp hành Đảng bộ "
        "tỉnh khóa XX, nhiệm kỳ 2020-2025",
        "summary": "Báo cáo tổng kết: 24/28 chỉ tiêu đạt hoặc vượt; thu hút 3,2 tỷ USD vốn FDI, "
        "52% số xã đạt chuẩn nông thôn mới nâng cao, 98% hồ sơ công việc cấp tỉnh được xử lý "
        "trên môi trường mạng.",
        "body_html": """
<h2>I. Kết quả đạt được</h2>
<p>Qua 5 năm, 24/28 chỉ tiêu của 5 nghị quyết chuyên đề đạt hoặc vượt kế hoạch. Thu hút 3,2
tỷ USD vốn đầu tư trực tiếp nước ngoài; 52% số xã đạt chuẩn nông thôn mới nâng cao; 98% hồ sơ
công việc cấp tỉnh được xử lý trên môi trường mạng; kết nạp 10.650 đảng viên mới.</p>
<h2>II. Hạn chế</h2>
<p>Tỷ lệ đô thị hóa đạt 31%, chưa đạt mục tiêu 35%; tỷ trọng kinh tế số đạt 8,5% GRDP.</p>
<h2>III. Bài học kinh nghiệm</h2>
<p>Chỉ tiêu phải cụ thể, giao đến từng địa phương; người đứng đầu chịu trách nhiệm; kiểm tra,
sơ kết định kỳ và công khai kết quả để Nhân dân giám sát.</p>
""",
    },
    {
        "key": "kl03",
        "number": "03-KL/TU",
        "type": "KL",
        "body": "tu",
        "signer": "bi_thu_xxi",
        "term": "XXI",
        "issued_on": date(2025, 11, 14),
        "fields": ["xay-dung-dang", "kinh-te", "chuyen-doi-so"],
        "title": "về tiếp tục thực hiện các nghị quyết chuyên đề của Ban Chấp hành Đảng bộ tỉnh "
        "khóa XX trong nhiệm kỳ 2025-2030",
        "summary": "Tiếp tục thực hiện 5 nghị quyết chuyên đề khóa XX đến năm 2030, điều chỉnh "
        "chỉ tiêu chưa đạt (đô thị hóa, kinh tế số) và giao Ban Tuyên giáo Tỉnh ủy tổ chức quán "
        "triệt trong toàn Đảng bộ.",
        "body_html": """
<p>Trên cơ sở Báo cáo tổng kết số 215-BC/TU, Tỉnh ủy kết luận:</p>
<ol>
<li>Tiếp tục thực hiện các quan điểm, mục tiêu của 5 nghị quyết chuyên đề khóa XX đến năm 2030.</li>
<li>Điều chỉnh chỉ tiêu đến năm 2030: tỷ lệ đô thị hóa đạt 45%; kinh tế số chiếm 20% GRDP.</li>
<li>Ban Tuyên giáo Tỉnh ủy hướng dẫn học tập, quán triệt Kết luận trong toàn Đảng bộ.</li>
</ol>
""",
    },
    {
        "key": "ctr01",
        "number": "01-CTr/TU",
        "type": "CTr",
        "body": "tu",
        "signer": "bi_thu_xxi",
        "term": "XXI",
        "issued_on": date(2025, 11, 28),
        "fields": ["xay-dung-dang", "kinh-te"],
        "title": "hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI, nhiệm "
        "kỳ 2025-2030",
        "summary": "Cụ thể hóa 3 khâu đột phá và 24 chỉ tiêu chủ yếu của nhiệm kỳ thành các đề "
        "án, dự án có lộ trình hằng năm và đơn vị chủ trì.",
        "body_html": """
<h2>I. Mục tiêu</h2>
<p>Cụ thể hóa Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI thành các nhiệm vụ, đề án có
lộ trình, nguồn lực và đơn vị chủ trì.</p>
<h2>II. Ba khâu đột phá</h2>
<ul>
<li>Hoàn thiện hạ tầng giao thông kết nối vùng và hạ tầng khu kinh tế ven biển.</li>
<li>Phát triển nguồn nhân lực chất lượng cao gắn với khoa học, công nghệ.</li>
<li>Chuyển đổi số toàn diện trong hệ thống chính trị và nền kinh tế.</li>
</ul>
""",
    },
    {
        "key": "hdnd27_2026",
        "number": "27/2026/NQ-HĐND",
        "type": "NQ",
        "body": "hdnd",
        "signer": "ct_hdnd",
        "term": "XXI",
        "issued_on": date(2026, 11, 6),
        "effective_on": date(2027, 1, 1),
        "fields": ["chuyen-doi-so", "nong-nghiep"],
        "title": "quy định chính sách hỗ trợ chuyển đổi số cho hợp tác xã nông nghiệp trên địa "
        "bàn tỉnh Nam Định giai đoạn 2027-2030",
        "summary": "Hỗ trợ hợp tác xã nông nghiệp thuê phần mềm quản lý, bán hàng trên sàn thương "
        "mại điện tử và đào tạo kỹ năng số; có hiệu lực từ ngày 01/01/2027.",
        "body_html": """
<p><strong>Điều 1. Đối tượng áp dụng</strong></p>
<p>Hợp tác xã, liên hiệp hợp tác xã hoạt động trong lĩnh vực nông nghiệp trên địa bàn tỉnh.</p>
<p><strong>Điều 2. Mức hỗ trợ</strong></p>
<ul>
<li>70% chi phí thuê phần mềm quản lý sản xuất, kế toán trong 3 năm, tối đa 60 triệu đồng.</li>
<li>50% chi phí đưa sản phẩm lên sàn thương mại điện tử trong năm đầu, tối đa 20 triệu đồng.</li>
</ul>
<p><strong>Điều 3. Hiệu lực thi hành</strong></p>
<p>Nghị quyết có hiệu lực từ ngày 01 tháng 01 năm 2027.</p>
""",
    },
    {
        "key": "draft_kinh_te_bien",
        "number": "04-NQ/TU",
        "type": "NQ",
        "body": "bch",
        "signer": "bi_thu_xxi",
        "term": "XXI",
        "issued_on": date(2026, 12, 18),
        "status": Status.DRAFT,
        "fields": ["kinh-te"],
        "title": "về phát triển kinh tế biển gắn với bảo đảm quốc phòng, an ninh vùng ven biển đến "
        "năm 2030, tầm nhìn đến năm 2045 (dự thảo)",
        "summary": "Dự thảo đang lấy ý kiến các cấp ủy; chưa công bố.",
        "body_html": "<p>Dự thảo lần 2, lưu hành nội bộ.</p>",
    },
]

# (source, kind, target): "source amends / replaces / implements ... target".
RELATIONS = [
    *[(key, "implements", resolution_key) for key, _, _, resolution_key in PLANS],
    ("hdnd12_2021", "implements", "nq02"),
    ("qd1567", "implements", "nq03"),
    ("qd2188", "implements", "nq05"),
    ("qd2188", "based_on", "kh31"),
    ("qd25_2021", "based_on", "nq03"),
    ("qd15_2023", "amends", "qd25_2021"),
    ("hdnd08_2024", "replaces", "hdnd12_2021"),
    ("hdnd08_2024", "based_on", "kl112"),
    ("hdnd27_2026", "based_on", "kl03"),
    ("kl03", "based_on", "bc215"),
    *[("hd28", "guides", resolution["key"]) for resolution in THEMATIC_RESOLUTIONS],
    *[("kl112", "refers_to", resolution["key"]) for resolution in THEMATIC_RESOLUTIONS],
    *[("kl03", "refers_to", resolution["key"]) for resolution in THEMATIC_RESOLUTIONS],
]


# --- Bodies -----------------------------------------------------------------------------


def _list(items):
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def resolution_body(resolution):
    """Full text of a thematic resolution in the usual four parts."""
    paragraphs = "".join(f"<p>{escape(text)}</p>" for text in resolution["situation"])
    return (
        "<h2>Phần I. Tình hình và nguyên nhân</h2>"
        f"{paragraphs}"
        "<h2>Phần II. Quan điểm, mục tiêu, chỉ tiêu</h2>"
        "<h3>1. Quan điểm</h3>"
        f"{_list(resolution['viewpoints'])}"
        "<h3>2. Mục tiêu tổng quát</h3>"
        f"<p>{escape(resolution['goal'])}</p>"
        "<h3>3. Chỉ tiêu chủ yếu đến năm 2025</h3>"
        f"{_list(resolution['targets'])}"
        "<h2>Phần III. Nhiệm vụ và giải pháp</h2>"
        f"{_list(resolution['tasks'])}"
        "<h2>Phần IV. Tổ chức thực hiện</h2>"
        "<p>Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy tổ chức học tập, quán triệt Nghị "
        "quyết và xây dựng chương trình hành động sát với thực tế địa phương, đơn vị. "
        f"{escape(resolution['lead_department'])} chủ trì theo dõi, đôn đốc, định kỳ báo cáo "
        "Ban Thường vụ Tỉnh ủy; sơ kết giữa nhiệm kỳ vào năm 2023, tổng kết vào năm 2025.</p>"
        "<p>Nghị quyết này được phổ biến đến chi bộ và có hiệu lực kể từ ngày ký.</p>"
    )


def plan_body(resolution):
    """Full text of the Tỉnh ủy plan that implements a thematic resolution."""
    return (
        "<h2>I. Mục đích, yêu cầu</h2>"
        f"<p>Cụ thể hóa Nghị quyết số {escape(resolution['number'])} thành các nhiệm vụ có "
        "lộ trình, đơn vị chủ trì và thời hạn hoàn thành; làm căn cứ để kiểm tra, giám sát và "
        "đánh giá cán bộ.</p>"
        "<h2>II. Nhiệm vụ cụ thể</h2>"
        f"{_list(resolution['tasks'])}"
        "<h2>III. Chỉ tiêu theo dõi hằng năm</h2>"
        f"{_list(resolution['targets'])}"
        "<h2>IV. Tổ chức thực hiện</h2>"
        "<p>Các cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày 30 tháng 11 hằng năm; Văn "
        "phòng Tỉnh ủy tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy.</p>"
    )


# --- Loading ----------------------------------------------------------------------------


def load_reference_data():
    """Terms, document types, fields and issuing bodies, keyed for the documents below."""
    terms = {}
    for values in TERMS:
        terms[values["name"]], _ = Term.objects.get_or_create(name=values["name"], defaults=values)
    for order, (name, code, slug) in enumerate(DOCUMENT_TYPES, start=1):
        DocumentType.objects.get_or_create(
            code=code, defaults={"name": name, "slug": slug, "order": order}
        )
    for name, slug in FIELDS:
        Field.objects.get_or_create(slug=slug, defaults={"name": name})
    bodies = {}
    for key, (name, code, kind, *_) in ISSUING_BODIES.items():
        bodies[key], _ = IssuingBody.objects.get_or_create(
            name=name, defaults={"code": code, "kind": kind}
        )
    return terms, bodies


def save_document(values, *, terms, bodies):
    """Create the document once, keyed by number, issuing body and issue date."""
    signer, signer_title, _ = SIGNERS[values["signer"]]
    document, created = Document.objects.get_or_create(
        number=values["number"],
        issuing_body=bodies[values["body"]],
        issued_on=values["issued_on"],
        defaults={
            "title": values["title"],
            "doc_type": DocumentType.objects.get(code=values["type"]),
            "term": terms[values.get("term", "XX")],
            "signer": signer,
            "signer_title": signer_title,
            "effective_on": values.get("effective_on", values["issued_on"]),
            "expires_on": values.get("expires_on"),
            # Validity follows from the dates and relations; an editor's override only where
            # dates cannot tell (a document partly amended).
            "validity_override": values.get("validity_override", ""),
            "validity_note": values.get("validity_note", ""),
            "validity_changed_on": values.get("validity_changed_on"),
            "is_thematic": values.get("is_thematic", False),
            "summary": values["summary"],
            "body": values["body_html"],
            "status": values.get("status", Status.PUBLISHED),
            "published_at": _published_at(values),
        },
    )
    if created:
        document.fields.set(Field.objects.filter(slug__in=values["fields"]))
    return document


def _published_at(values):
    """Published on the portal a few days after signing, at 9 in the morning."""
    if values.get("status", Status.PUBLISHED) != Status.PUBLISHED:
        return None
    day = values["issued_on"] + datetime.timedelta(days=2)
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    return min(moment, timezone.now())


def attach_files(document, values):
    """A PDF and a Word copy of the document, made once."""
    body_name, signer = ISSUING_BODIES[values["body"]], SIGNERS[values["signer"]]
    issued = values["issued_on"]
    head = Letterhead(
        organ=body_name[3],
        unit=body_name[4],
        number=f"Số {values['number']}",
        motto=STATE_MOTTO if body_name[2] == "state" else PARTY_MOTTO,
        place_date=f"Nam Định, ngày {issued.day} tháng {issued.month} năm {issued.year}",
        kind=document.doc_type.name.upper(),
        title=values["title"][0].upper() + values["title"][1:],
        signer_block=signer[2],
        signer=signer[0],
    )
    stem = values["number"].replace("/", "-")
    files = [
        (f"{stem}.pdf", "Bản PDF", pdf_bytes),
        (f"{stem}.docx", "Bản Word", docx_bytes),
    ]
    for order, (filename, label, render) in enumerate(files):
        if document.files.filter(original_name=filename).exists():
            continue
        # Through the model's save(), as an upload in the admin would go: size, name and any
        # text extraction are computed there.
        DocumentFile(
            document=document,
            title=f"{label}: {document.doc_type.name} số {values['number']}",
            file=ContentFile(render(head, values["body_html"]), name=filename),
            order=order,
        ).save()


def load_documents():
    """Create the demo documents and their relations; return them by key."""
    terms, bodies = load_reference_data()
    documents, all_values = {}, []

    for resolution in THEMATIC_RESOLUTIONS:
        all_values.append(
            {
                **resolution,
                "type": "NQ",
                "body": "bch",
                "signer": "bi_thu_xx",
                "is_thematic": True,
                "body_html": resolution_body(resolution),
                "files": True,
            }
        )
    by_key = {resolution["key"]: resolution for resolution in THEMATIC_RESOLUTIONS}
    for key, number, issued_on, resolution_key in PLANS:
        resolution = by_key[resolution_key]
        all_values.append(
            {
                "key": key,
                "number": number,
                "type": "KH",
                "body": "tu",
                "signer": "btv_xx",
                "issued_on": issued_on,
                "fields": resolution["fields"],
                "title": f"thực hiện Nghị quyết số {resolution['number']} của Ban Chấp hành Đảng "
                f"bộ tỉnh {resolution['title']}",
                "summary": f"Kế hoạch của Tỉnh ủy cụ thể hóa Nghị quyết số "
                f"{resolution['number']}: phân công nhiệm vụ, lộ trình thực hiện các chỉ tiêu đến "
                "năm 2025 và chế độ báo cáo hằng năm.",
                "body_html": plan_body(resolution),
            }
        )
    all_values.extend(OTHER_DOCUMENTS)

    for values in all_values:
        documents[values["key"]] = save_document(values, terms=terms, bodies=bodies)
        if values.get("files"):
            attach_files(documents[values["key"]], values)

    for source, kind, target in RELATIONS:
        DocumentRelation.objects.get_or_create(
            source=documents[source], kind=kind, target=documents[target]
        )
    return documents
