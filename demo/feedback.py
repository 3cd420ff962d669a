"""Citizens' questions about the five thematic resolutions, in every state of handling.

Written for the demo: the people, numbers and answers are invented. Contact details use
reserved example values (example.vn, 0900 000 xxx).
"""

import datetime

from django.utils import timezone

from feedback.models import Kind, Question, QuestionStatus
from targets.models import ResponsibleUnit

UNITS = [
    ("Sở Nông nghiệp và Môi trường", "Sở NN&MT"),
    ("Sở Tài chính", "Sở TC"),
    ("Sở Xây dựng", "Sở XD"),
    ("Sở Khoa học và Công nghệ", "Sở KH&CN"),
    ("Ban Tổ chức Tỉnh ủy", "BTC TU"),
]

A, P, W, S, R = "answered", "in_progress", "withheld", "submitted", "received"

# (resolution key, unit index, state, days ago received, days to answer, consent, kind,
#  subject, message, answer)
QUESTIONS = [
    (
        "nq01",
        4,
        A,
        300,
        9,
        True,
        Kind.QUESTION,
        "Tiêu chí đánh giá chi bộ trong sạch, vững mạnh",
        "Nghị quyết 01 đặt chỉ tiêu hằng năm có trên 90% tổ chức cơ sở đảng hoàn thành tốt "
        "nhiệm vụ. Xin hỏi chi bộ thôn được đánh giá theo những tiêu chí nào?",
        "Việc đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và chi bộ thực hiện theo hướng "
        "dẫn của Ban Tổ chức Tỉnh ủy, gồm các nhóm tiêu chí: lãnh đạo thực hiện nhiệm vụ chính "
        "trị, công tác xây dựng Đảng, kết quả sinh hoạt chi bộ và sự hài lòng của nhân dân.",
    ),
    (
        "nq01",
        4,
        A,
        210,
        14,
        True,
        Kind.FEEDBACK,
        "Đề nghị đổi mới nội dung sinh hoạt chi bộ",
        "Nhiều buổi sinh hoạt chi bộ còn đọc văn bản là chính. Đề nghị mỗi quý có một buổi "
        "sinh hoạt chuyên đề về việc thực hiện các nghị quyết của tỉnh tại thôn, xóm.",
        "Ban Tổ chức Tỉnh ủy tiếp thu ý kiến; từ năm 2024 hướng dẫn mỗi chi bộ tổ chức ít nhất "
        "một buổi sinh hoạt chuyên đề mỗi quý, trong đó có chuyên đề về các nghị quyết chuyên đề "
        "của Ban Chấp hành Đảng bộ tỉnh.",
    ),
    (
        "nq01",
        4,
        S,
        20,
        None,
        True,
        Kind.QUESTION,
        "Kết nạp đảng viên là người lao động trong doanh nghiệp",
        "Doanh nghiệp tư nhân nơi tôi làm việc chưa có tổ chức đảng. Người lao động muốn được "
        "kết nạp vào Đảng thì sinh hoạt ở đâu?",
        "Theo quy định, quần chúng ưu tú làm việc ở doanh nghiệp chưa có tổ chức đảng được "
        "xem xét kết nạp qua chi bộ nơi cư trú, có ý kiến nhận xét của doanh nghiệp.",
    ),
    (
        "nq01",
        None,
        R,
        2,
        None,
        True,
        Kind.QUESTION,
        "Thời gian công khai kết quả đánh giá cán bộ",
        "Kết quả đánh giá, xếp loại cán bộ, đảng viên hằng năm có được công khai tại khu dân "
        "cư không và công khai trong bao lâu?",
        "",
    ),
    (
        "nq02",
        0,
        A,
        400,
        12,
        True,
        Kind.QUESTION,
        "Hỗ trợ cánh đồng lớn sản xuất lúa chất lượng cao",
        "Hợp tác xã chúng tôi ở huyện Hải Hậu muốn tích tụ trên 50 ha để sản xuất lúa chất "
        "lượng cao. Chính sách hỗ trợ theo Nghị quyết 02 được áp dụng thế nào?",
        "Theo Nghị quyết số 12/2021/NQ-HĐND, vùng sản xuất tập trung từ 30 ha trở lên được hỗ "
        "trợ một lần chi phí cải tạo đồng ruộng và giống lúa năm đầu. Hợp tác xã lập hồ sơ gửi "
        "UBND huyện để thẩm định, tổng hợp gửi Sở Nông nghiệp và Môi trường.",
    ),
    (
        "nq02",
        0,
        A,
        160,
        6,
        True,
        Kind.QUESTION,
        "Thủ tục cấp mã số vùng trồng",
        "Gia đình tôi trồng cây ăn quả muốn xuất khẩu. Xin hỏi thủ tục và nơi đăng ký cấp mã "
        "số vùng trồng?",
        "Tổ chức, cá nhân nộp hồ sơ đề nghị cấp mã số vùng trồng tại Chi cục Trồng trọt và Bảo "
        "vệ thực vật; Sở hướng dẫn miễn phí việc ghi chép nhật ký sản xuất theo yêu cầu của "
        "nước nhập khẩu.",
    ),
    (
        "nq02",
        0,
        A,
        90,
        21,
        False,
        Kind.FEEDBACK,
        "Kênh tưới tiêu xuống cấp ở xã Hải Anh",
        "Tuyến kênh cấp hai qua cánh đồng thôn 5 bị bồi lắng, mùa khô thiếu nước tưới. Đề nghị "
        "đưa vào kế hoạch nạo vét.",
        "Sở đã phối hợp với Công ty Khai thác công trình thủy lợi kiểm tra, đưa tuyến kênh vào "
        "kế hoạch nạo vét vụ Đông Xuân.",
    ),
    (
        "nq02",
        0,
        P,
        12,
        None,
        True,
        Kind.QUESTION,
        "Bảo hiểm nông nghiệp cho nuôi tôm",
        "Vùng nuôi tôm công nghệ cao có được hỗ trợ phí bảo hiểm nông nghiệp không?",
        "",
    ),
    (
        "nq03",
        1,
        A,
        350,
        10,
        True,
        Kind.QUESTION,
        "Ưu đãi đầu tư vào cụm công nghiệp",
        "Doanh nghiệp nhỏ muốn thuê đất trong cụm công nghiệp để mở xưởng may. Tỉnh có chính "
        "sách ưu đãi gì theo Nghị quyết 03?",
        "Doanh nghiệp đầu tư vào cụm công nghiệp được hưởng ưu đãi về tiền thuê đất theo quy "
        "định hiện hành và hỗ trợ một phần chi phí đầu tư hạ tầng theo Quyết định số "
        "25/2021/QĐ-UBND. Trung tâm Xúc tiến đầu tư hướng dẫn thủ tục miễn phí.",
    ),
    (
        "nq03",
        1,
        A,
        120,
        18,
        True,
        Kind.FEEDBACK,
        "Công khai tiến độ giải phóng mặt bằng khu công nghiệp",
        "Đề nghị công khai tiến độ giải phóng mặt bằng và tái định cư của các khu công nghiệp "
        "để người dân nắm được.",
        "Tiếp thu ý kiến, tiến độ các dự án được cập nhật hằng quý trên cổng thông tin của tỉnh "
        "và niêm yết tại trụ sở UBND các xã có đất thu hồi.",
    ),
    (
        "nq03",
        1,
        S,
        15,
        None,
        False,
        Kind.QUESTION,
        "Đào tạo nghề cho lao động bị thu hồi đất",
        "Gia đình tôi bị thu hồi đất nông nghiệp làm khu công nghiệp. Con tôi có được hỗ trợ "
        "học nghề không?",
        "Người lao động trong hộ bị thu hồi đất nông nghiệp được hỗ trợ đào tạo nghề và giới "
        "thiệu việc làm theo quy định; liên hệ UBND xã để đăng ký.",
    ),
    (
        "nq03",
        None,
        W,
        30,
        None,
        True,
        Kind.FEEDBACK,
        "Quảng cáo dịch vụ",
        "Nội dung quảng cáo dịch vụ không liên quan đến việc thực hiện nghị quyết.",
        "",
    ),
    (
        "nq04",
        2,
        A,
        280,
        16,
        True,
        Kind.QUESTION,
        "Quy hoạch cây xanh đô thị Nam Định",
        "Nghị quyết 04 nói xây dựng đô thị xanh. Thành phố có kế hoạch tăng diện tích công viên "
        "và cây xanh ở các phường trung tâm không?",
        "Quy hoạch chung đô thị Nam Định xác định chỉ tiêu đất cây xanh công cộng; Sở Xây dựng "
        "đang phối hợp với UBND thành phố lập đề án cải tạo hồ, vườn hoa và trồng bổ sung cây "
        "xanh trên các tuyến phố giai đoạn 2024–2025.",
    ),
    (
        "nq04",
        2,
        A,
        60,
        8,
        True,
        Kind.QUESTION,
        "Cấp phép xây dựng nhà ở riêng lẻ",
        "Thời gian cấp giấy phép xây dựng nhà ở riêng lẻ tại thành phố là bao lâu?",
        "Thời hạn giải quyết là 15 ngày kể từ khi nhận đủ hồ sơ hợp lệ; hồ sơ có thể nộp trực "
        "tuyến trên Cổng dịch vụ công.",
    ),
    (
        "nq04",
        2,
        P,
        8,
        None,
        True,
        Kind.FEEDBACK,
        "Chiếu sáng đường nội đồng ven đô",
        "Đề nghị lắp đèn chiếu sáng trên tuyến đường nối khu dân cư mới với quốc lộ 10.",
        "",
    ),
    (
        "nq04",
        None,
        R,
        1,
        None,
        False,
        Kind.QUESTION,
        "Ngập úng khi mưa lớn ở phường Lộc Hạ",
        "Mỗi khi mưa lớn, một số tuyến phố bị ngập. Tỉnh có kế hoạch cải tạo hệ thống thoát "
        "nước không?",
        "",
    ),
    (
        "nq05",
        3,
        A,
        240,
        5,
        True,
        Kind.QUESTION,
        "Chữ ký số cho người dân",
        "Người dân làm thủ tục trực tuyến có được cấp chữ ký số miễn phí không?",
        "Tỉnh đang triển khai cấp chữ ký số cá nhân miễn phí cho người dân thông qua các doanh "
        "nghiệp viễn thông theo chương trình chuyển đổi số quốc gia; đăng ký tại bộ phận một cửa "
        "cấp xã.",
    ),
    (
        "nq05",
        3,
        A,
        45,
        11,
        False,
        Kind.FEEDBACK,
        "Sóng điện thoại yếu ở xã ven biển",
        "Đề nghị tăng cường trạm phát sóng ở các xã ven biển để người dân dùng dịch vụ số.",
        "Sở đã đề nghị các doanh nghiệp viễn thông bổ sung trạm phát sóng trong năm nay.",
    ),
    (
        "nq05",
        3,
        S,
        10,
        None,
        True,
        Kind.QUESTION,
        "Tổ công nghệ số cộng đồng",
        "Tổ công nghệ số cộng đồng ở thôn có được hỗ trợ kinh phí hoạt động không?",
        "Thành viên tổ công nghệ số cộng đồng được tập huấn miễn phí; kinh phí hoạt động do ngân "
        "sách xã bố trí theo hướng dẫn của Sở.",
    ),
    (
        "nq05",
        None,
        W,
        25,
        None,
        False,
        Kind.QUESTION,
        "Câu hỏi trùng lặp",
        "Câu hỏi trùng với câu hỏi đã được trả lời về chữ ký số cho người dân.",
        "",
    ),
]

WITHHELD_REASONS = {
    "Quảng cáo dịch vụ": "Quảng cáo, không liên quan đến nghị quyết.",
    "Câu hỏi trùng lặp": "Trùng với câu hỏi đã trả lời; đã gọi điện hướng dẫn người gửi.",
}


def load_units():
    return [
        ResponsibleUnit.objects.get_or_create(name=name, defaults={"short_name": short})[0]
        for name, short in UNITS
    ]


def load_feedback(documents):
    """Create the demo questions (looked up by subject, so a second run adds nothing)."""
    units = load_units()
    now = timezone.now()
    questions = []
    for n, row in enumerate(QUESTIONS, start=1):
        key, unit, state, ago, days, consent, kind, subject, message, answer = row
        received = now - datetime.timedelta(days=ago, hours=n)
        values = {
            "kind": kind,
            "message": message,
            "document": documents[key],
            "consent_to_publish": consent,
            "received_at": received,
            "sender_name": f"Bạn đọc {n}",
            "sender_phone": f"0900 000 {n:03d}",
            "sender_email": f"bandoc{n}@example.vn",
        }
        if unit is not None:
            values.update(unit=units[unit], assigned_at=received + datetime.timedelta(days=1))
        if answer and state in (A, S):
            values.update(answer=answer, answer_submitted_at=received + datetime.timedelta(days=2))
        if state == A:
            answered = received + datetime.timedelta(days=days)
            values.update(status=QuestionStatus.ANSWERED, answered_at=answered, closed_at=answered)
        elif state in (P, S):
            values["status"] = QuestionStatus.IN_PROGRESS
        elif state == W:
            values.update(
                status=QuestionStatus.WITHHELD,
                withheld_reason=WITHHELD_REASONS[subject],
                closed_at=received + datetime.timedelta(days=1),
            )
        question, _ = Question.objects.get_or_create(subject=subject, defaults=values)
        questions.append(question)
    return questions, units
