/**
 * The fields a contact sheet's columns can fill, named after what the app stores: the
 * customer (name, localName, country, website, address, grade, stage, source, notes, tags)
 * and one contact of it (contactName, or firstName + lastName; title, contactNotes and channels of the kinds in
 * shared/domain/customer-enums.ts: email, phone, whatsapp, wechat, skype).
 */
export const CONTACT_FIELDS = [
  'companyName',
  'localName',
  'contactName',
  'firstName',
  'lastName',
  'title',
  'email',
  'phone',
  'mobile',
  'whatsapp',
  'wechat',
  'skype',
  'country',
  'website',
  'address',
  'grade',
  'stage',
  'source',
  'notes',
  'contactNotes',
  'tags',
  'owner',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Fields whose cells may hold several values and whose columns add up (two phone columns, say). */
export const MULTI_VALUE_FIELDS: ReadonlySet<ContactField> = new Set(['email', 'phone', 'mobile', 'whatsapp', 'wechat', 'skype', 'tags', 'notes', 'contactNotes']);

/**
 * Header texts per field, compared after normalizeHeader() (so case, spaces, punctuation and
 * full-width forms do not matter). The vCard property names are here too, since a vCard is
 * read as a sheet with those headers.
 */
export const HEADER_SYNONYMS: Record<ContactField, readonly string[]> = {
  companyName: ['公司名称', '公司', '公司名', '客户名称', '客户', '客户名', '客户公司', '单位', '单位名称', '企业名称', '企业', '公司英文名', '英文名称', '英文公司名', '公司名稱', '客戶名稱', 'company', 'companyname', 'company name', 'customer', 'customername', 'account', 'accountname', 'organization', 'organisation', 'org', 'firm', 'business', 'firma', 'unternehmen', 'empresa', 'société', 'societe', 'entreprise', 'azienda', 'raisonsociale'],
  localName: ['公司中文名', '中文名称', '中文公司名', '中文名', '本地名称', 'localname', 'chinesename', 'company chinese name'],
  contactName: ['联系人', '联系人姓名', '姓名', '名字', '客户姓名', '联络人', '聯絡人', '聯繫人', 'contact', 'contactname', 'contactperson', 'name', 'fullname', 'person', 'fn', 'attn', 'ansprechpartner', 'kontakt', 'kontaktperson', 'nombre', 'nom', 'nome', 'contacto', 'referente'],
  firstName: ['名', 'firstname', 'givenname', 'forename'],
  lastName: ['姓', 'lastname', 'surname', 'familyname'],
  title: ['职位', '职务', '头衔', '岗位', '職位', '職稱', 'title', 'jobtitle', 'position', 'role', 'designation', 'funktion', 'cargo', 'poste', 'fonction'],
  email: ['邮箱', '电子邮件', '电子邮箱', '邮件', '邮箱地址', 'email地址', '电邮', '郵箱', '電子郵件', 'email', 'e-mail', 'mail', 'emailaddress', 'emails', 'correo', 'correoelectronico', 'courriel'],
  phone: ['电话', '联系电话', '电话号码', '座机', '固话', '办公电话', '公司电话', '電話', 'phone', 'tel', 'telephone', 'phonenumber', 'officephone', 'workphone', 'landline', 'telefon', 'teléfono', 'telefono', 'téléphone'],
  mobile: ['手机', '手机号', '手机号码', '移动电话', '手機', 'mobile', 'mobilephone', 'cell', 'cellphone', 'mob', 'handy', 'móvil', 'movil', 'portable', 'cellulare'],
  whatsapp: ['whatsapp', 'whatsapp号码', 'wa'],
  wechat: ['微信', '微信号', 'wechat', 'weixin', 'wechatid'],
  skype: ['skype', 'skype账号'],
  country: ['国家', '国家地区', '国家/地区', '国别', '国家或地区', '國家', 'country', 'countryregion', 'nation', 'land', 'país', 'pais', 'pays', 'paese'],
  website: ['网址', '网站', '官网', '公司网站', '主页', '網址', '網站', 'website', 'web', 'url', 'site', 'homepage', 'webpage', 'domain', 'webseite', 'internetseite', 'sitioweb', 'siteweb', 'sitointernet'],
  address: ['地址', '公司地址', '联系地址', '详细地址', '通讯地址', '地址信息', 'address', 'adr', 'companyaddress', 'street', 'streetaddress', 'adresse', 'anschrift', 'dirección', 'direccion', 'indirizzo'],
  grade: ['等级', '客户等级', '级别', '客户级别', '分级', '等級', 'grade', 'level', 'rating', 'class', 'customergrade'],
  stage: ['阶段', '客户阶段', '状态', '客户状态', '跟进阶段', 'stage', 'status', 'lifecycle', 'pipelinestage'],
  source: ['来源', '客户来源', '渠道', '获客渠道', '來源', 'source', 'leadsource', 'channel', 'origin'],
  notes: ['备注', '说明', '客户备注', '备注信息', '描述', '備註', 'notes', 'note', 'remark', 'remarks', 'comment', 'comments', 'description', 'memo', 'bemerkung', 'notizen', 'notas', 'remarques'],
  contactNotes: ['联系人备注', 'contactnotes', 'contactremark'],
  tags: ['标签', '分类', '類別', '標籤', 'tags', 'tag', 'labels', 'category', 'categories'],
  owner: ['负责人', '业务员', '跟进人', '销售', '所属业务员', '归属', 'owner', 'salesperson', 'salesrep', 'accountmanager', 'assignedto'],
};

/**
 * Header text reduced to what identifies it: NFKC folds full-width letters, digits and
 * punctuation to their plain forms, then only letters and digits are kept, lower-cased
 * ("Ｅ－ｍａｉｌ：" and "e-mail" are both "email").
 */
export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
