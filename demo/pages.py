"""The portal's own pages (giới thiệu, chức năng nhiệm vụ, liên hệ...), published."""

from django.utils import timezone

from ndportal.publishing import Status
from pages.models import Page, SiteDetails

PAGES = [
    {
        "slug": "gioi-thieu",
        "title": "Giới thiệu",
        "summary": "Cổng thông tin Nghị quyết của Tỉnh ủy Nam Định: mục đích, nội dung và "
        "đối tượng phục vụ.",
        "body": """
<p>Cổng thông tin Nghị quyết là kênh thông tin chính thức của Tỉnh ủy Nam Định về các nghị
quyết, chỉ thị, kết luận, quy định của Đảng và việc học tập, quán triệt, triển khai thực hiện
các văn bản đó trong Đảng bộ tỉnh.</p>
<h2>Nội dung của cổng</h2>
<ul>
<li><strong>Văn bản:</strong> toàn văn nghị quyết, chỉ thị, kết luận, quy định, hướng dẫn của
Tỉnh ủy, Ban Thường vụ Tỉnh ủy và các văn bản của Trung ương được triển khai tại tỉnh, tra cứu
theo số ký hiệu, loại văn bản, nhiệm kỳ, lĩnh vực và hiệu lực.</li>
<li><strong>Hội nghị:</strong> lịch và kết quả các hội nghị học tập, quán triệt, triển khai
nghị quyết ở cấp tỉnh và cơ sở, số điểm cầu và số đảng viên tham dự.</li>
<li><strong>Tin tức:</strong> tin, bài về việc lãnh đạo, chỉ đạo và tổ chức thực hiện nghị
quyết trên địa bàn tỉnh.</li>
</ul>
<h2>Đối tượng phục vụ</h2>
<p>Cán bộ, đảng viên, các cấp ủy, tổ chức đảng trong Đảng bộ tỉnh và nhân dân quan tâm tới chủ
trương, đường lối của Đảng và việc thực hiện tại Nam Định.</p>
""",
    },
    {
        "slug": "chuc-nang-nhiem-vu",
        "title": "Chức năng, nhiệm vụ",
        "summary": "Chức năng, nhiệm vụ của Ban Tuyên giáo Tỉnh ủy, đơn vị quản lý nội dung "
        "cổng thông tin.",
        "body": """
<p>Ban Tuyên giáo Tỉnh ủy là cơ quan tham mưu, giúp việc của Tỉnh ủy, trực tiếp và thường xuyên
là Ban Thường vụ Tỉnh ủy, về công tác tuyên giáo, trong đó có việc tổ chức học tập, quán triệt
và tuyên truyền nghị quyết của Đảng.</p>
<h2>Đối với cổng thông tin</h2>
<ol>
<li>Tổ chức cập nhật kịp thời, đầy đủ, chính xác các văn bản của Đảng được phép công bố.</li>
<li>Theo dõi, tổng hợp kết quả học tập, quán triệt nghị quyết ở các đảng bộ trực thuộc.</li>
<li>Biên tập, kiểm duyệt tin, bài trước khi xuất bản theo quy chế của cổng.</li>
<li>Phối hợp với Văn phòng Tỉnh ủy bảo đảm an toàn, an ninh thông tin cho cổng.</li>
</ol>
""",
    },
    {
        "slug": "lien-he",
        "title": "Liên hệ",
        "summary": "Địa chỉ, điện thoại và thư điện tử của Ban biên tập cổng thông tin.",
        "body": """
<p>Mọi ý kiến góp ý, đề nghị cải chính thông tin hoặc cung cấp tin, bài xin gửi về
<strong>Ban biên tập Cổng thông tin Nghị quyết, Ban Tuyên giáo Tỉnh ủy Nam Định</strong>.</p>
<ul>
<li>Địa chỉ: Số 1 đường Vị Hoàng, phường Vị Xuyên, thành phố Nam Định, tỉnh Nam Định.</li>
<li>Điện thoại: 0228 3849 216.</li>
<li>Thư điện tử: bbt.nghiquyet@namdinh.dcs.vn.</li>
</ul>
<p>Ban biên tập làm việc trong giờ hành chính, từ thứ Hai đến thứ Sáu. Thư góp ý được trả lời
trong vòng năm ngày làm việc.</p>
""",
    },
    {
        "slug": "so-do-cong",
        "title": "Sơ đồ cổng",
        "summary": "Các mục chính của cổng thông tin và đường dẫn tới từng mục.",
        "body": """
<ul>
<li><a href="/">Trang chủ</a></li>
<li><a href="/tin-tuc/">Tin tức</a>: tin, bài theo chuyên mục.</li>
<li><a href="/van-ban/">Văn bản</a>: nghị quyết, chỉ thị, kết luận, quy định, hướng dẫn.</li>
<li><a href="/hoi-nghi/">Hội nghị</a>: lịch, kết quả học tập, quán triệt nghị quyết.</li>
<li><a href="/tim-kiem/">Tìm kiếm</a> trên toàn cổng.</li>
<li><a href="/gioi-thieu/">Giới thiệu</a>, <a href="/chuc-nang-nhiem-vu/">Chức năng, nhiệm
vụ</a>, <a href="/lien-he/">Liên hệ</a>, <a href="/dieu-khoan-su-dung/">Điều khoản sử
dụng</a>.</li>
</ul>
""",
    },
    {
        "slug": "dieu-khoan-su-dung",
        "title": "Điều khoản sử dụng",
        "summary": "Quy định về việc sử dụng, trích dẫn thông tin trên cổng thông tin.",
        "body": """
<p>Thông tin trên Cổng thông tin Nghị quyết được cung cấp nhằm phục vụ việc học tập, nghiên cứu
và thực hiện nghị quyết của Đảng.</p>
<ol>
<li>Khi trích dẫn, phát hành lại thông tin từ cổng phải ghi rõ nguồn "Cổng thông tin Nghị
quyết, Tỉnh ủy Nam Định" và đường dẫn tới bài gốc.</li>
<li>Văn bản đăng trên cổng có giá trị tham khảo; văn bản gốc có đóng dấu do cơ quan ban hành
lưu giữ là căn cứ chính thức.</li>
<li>Nghiêm cấm lợi dụng thông tin trên cổng để xuyên tạc, chống phá chủ trương, đường lối của
Đảng, chính sách, pháp luật của Nhà nước.</li>
<li>Cổng không thu thập thông tin cá nhân của bạn đọc, ngoài nhật ký truy cập phục vụ bảo đảm
an toàn hệ thống.</li>
</ol>
""",
    },
]


def load_pages():
    """Create the demo pages, published and linked from the footer; return them."""
    pages = []
    for order, values in enumerate(PAGES, start=1):
        page, _ = Page.objects.get_or_create(
            slug=values["slug"],
            defaults={
                "title": values["title"],
                "summary": values["summary"],
                "body": values["body"].strip(),
                "show_in_footer": True,
                "order": order,
                "status": Status.PUBLISHED,
                "published_at": timezone.now(),
            },
        )
        pages.append(page)
    return pages


SITE_DETAILS = {
    "committee_name": "Tỉnh ủy Nam Định",
    "content_unit": "Ban Tuyên giáo Tỉnh ủy Nam Định",
    "address": "Số 1 đường Vị Hoàng, phường Vị Xuyên, thành phố Nam Định, tỉnh Nam Định",
    "phone": "0228 3849 216",
    "email": "bbt.nghiquyet@namdinh.dcs.vn",
    "responsible_person": "Trưởng Ban Tuyên giáo Tỉnh ủy Nam Định",
    "licence": "Giấy phép thiết lập trang thông tin điện tử tổng hợp số 15/GP-STTTT ngày "
    "12/3/2024 của Sở Thông tin và Truyền thông tỉnh Nam Định (dữ liệu mẫu).",
    "facebook_url": "https://www.facebook.com/tinhuynamdinh",
    "youtube_url": "https://www.youtube.com/@tinhuynamdinh",
    "zalo_url": "https://zalo.me/tinhuynamdinh",
}


def load_site_details():
    """The portal's details for the footer, unless an editor has already saved them."""
    details = SiteDetails.current()
    if details._state.adding:
        for name, value in SITE_DETAILS.items():
            setattr(details, name, value)
        details.save()
    return details
