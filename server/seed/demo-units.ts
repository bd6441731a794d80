// Units of the fictional demo province: code, Vietnamese name, English name.

export const DEPARTMENTS: Array<[string, string, string]> = [
  ['SO_TC', 'Sở Tài chính', 'Department of Finance'],
  ['SO_XD', 'Sở Xây dựng', 'Department of Construction'],
  ['SO_NNMT', 'Sở Nông nghiệp và Môi trường', 'Department of Agriculture and Environment'],
  ['SO_CT', 'Sở Công Thương', 'Department of Industry and Trade'],
  ['SO_KHCN', 'Sở Khoa học và Công nghệ', 'Department of Science and Technology'],
  ['SO_VHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'Department of Culture, Sports and Tourism'],
  ['SO_YT', 'Sở Y tế', 'Department of Health'],
  ['SO_GDDT', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training'],
  ['SO_NV', 'Sở Nội vụ', 'Department of Home Affairs'],
  ['SO_TP', 'Sở Tư pháp', 'Department of Justice'],
  ['SO_DTTG', 'Sở Dân tộc và Tôn giáo', 'Department of Ethnic and Religious Affairs'],
  ['BQL_KKT', 'Ban Quản lý Khu kinh tế', 'Economic Zone Authority'],
  ['TT_HCC', 'Trung tâm Phục vụ hành chính công', 'Public Administration Service Centre'],
  ['THUE', 'Thuế tỉnh', 'Provincial Tax Office'],
  ['HAI_QUAN', 'Hải quan tỉnh', 'Provincial Customs'],
  ['BHXH', 'Bảo hiểm xã hội tỉnh', 'Provincial Social Insurance'],
  ['NHNN', 'Ngân hàng Nhà nước chi nhánh tỉnh', 'State Bank branch'],
  ['CONG_AN', 'Công an tỉnh', 'Provincial Police'],
  ['KBNN', 'Kho bạc Nhà nước tỉnh', 'Provincial State Treasury'],
  ['VP_UBND', 'Văn phòng UBND tỉnh', "Office of the Provincial People's Committee"],
];
// Before the 1 July 2025 reform: district-level governments.
export const DISTRICTS: Array<[string, string, string]> = [
  ['TP_DEMO', 'Thành phố Demo', 'Demo City'],
  ['TX_BINH_SON', 'Thị xã Bình Sơn', 'Binh Son Town'],
  ['H_AN_LAC', 'Huyện An Lạc', 'An Lac District'],
  ['H_HOA_BINH', 'Huyện Hòa Bình', 'Hoa Binh District'],
  ['H_TAN_PHU', 'Huyện Tân Phú', 'Tan Phu District'],
  ['H_LONG_HAI', 'Huyện Long Hải', 'Long Hai District'],
  ['H_THANH_XUAN', 'Huyện Thanh Xuân', 'Thanh Xuan District'],
  ['H_DAO_NGOC', 'Huyện đảo Ngọc', 'Ngoc Island District'],
];
// From 1 July 2025: communes, wards and a special zone.
export const COMMUNES: Array<[string, string, string]> = [
  ['P_TRUNG_TAM', 'Phường Trung Tâm', 'Trung Tam Ward'],
  ['P_BEN_CANG', 'Phường Bến Cảng', 'Ben Cang Ward'],
  ['P_HOA_LAC', 'Phường Hòa Lạc', 'Hoa Lac Ward'],
  ['P_BINH_SON', 'Phường Bình Sơn', 'Binh Son Ward'],
  ['P_DONG_HAI', 'Phường Đông Hải', 'Dong Hai Ward'],
  ['X_AN_LAC', 'Xã An Lạc', 'An Lac Commune'],
  ['X_AN_THINH', 'Xã An Thịnh', 'An Thinh Commune'],
  ['X_HOA_BINH', 'Xã Hòa Bình', 'Hoa Binh Commune'],
  ['X_TAN_PHU', 'Xã Tân Phú', 'Tan Phu Commune'],
  ['X_TAN_HOA', 'Xã Tân Hòa', 'Tan Hoa Commune'],
  ['X_LONG_HAI', 'Xã Long Hải', 'Long Hai Commune'],
  ['X_THANH_XUAN', 'Xã Thanh Xuân', 'Thanh Xuan Commune'],
  ['X_SON_THUY', 'Xã Sơn Thủy', 'Son Thuy Commune'],
  ['X_PHU_MY', 'Xã Phú Mỹ', 'Phu My Commune'],
  ['DK_DAO_NGOC', 'Đặc khu Đảo Ngọc', 'Ngoc Island Special Zone'],
];
/** The 1 July 2025 reform in the demo province: each district's area now lies in these communes. */
export const REFORM_2025: Array<[district: string, communes: string[]]> = [
  ['TP_DEMO', ['P_TRUNG_TAM', 'P_BEN_CANG']],
  ['TX_BINH_SON', ['P_BINH_SON']],
  ['H_AN_LAC', ['X_AN_LAC', 'X_AN_THINH']],
  ['H_HOA_BINH', ['X_HOA_BINH', 'P_HOA_LAC']],
  ['H_TAN_PHU', ['X_TAN_PHU', 'X_TAN_HOA']],
  ['H_LONG_HAI', ['X_LONG_HAI', 'P_DONG_HAI']],
  ['H_THANH_XUAN', ['X_THANH_XUAN', 'X_SON_THUY', 'X_PHU_MY']],
  ['H_DAO_NGOC', ['DK_DAO_NGOC']],
];
