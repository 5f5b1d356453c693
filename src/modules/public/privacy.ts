/**
 * The privacy notice a citizen agrees to before leaving a message (PIPL: minimum collection,
 * purpose, who sees it, how long it is kept, separate consent to publication, deletion). The
 * submission records PRIVACY_NOTICE_VERSION with the consent: change the text, change the version.
 */
import { PRIVACY_NOTICE_VERSION } from '../opinions/public.schema.ts';

/** How long a handled message keeps the name and phone (years after closing); stated in the notice. */
export const CONTACT_RETENTION_YEARS = 3;

const TEXT = `个人信息保护说明（${PRIVACY_NOTICE_VERSION} 版）

一、我们收集什么
您填写的意见内容、照片和地点；您愿意留下的姓名和手机号（均可不填）。我们不收集您的位置定位、通讯录或其他信息。

二、为什么收集
用于把您的意见转交人大代表和有关部门办理，并把受理和办理结果告诉您。手机号只用于发送办理进度短信和回访，不做其他用途。

三、谁能看到
负责办理的人大代表、联络站工作人员、人大常委会工作人员和承办单位工作人员。工作人员看到的手机号是隐藏中间四位的（如 138****1234）。选择“匿名”时，办理人员看不到您的姓名。

四、如何保存、保存多久
手机号和姓名加密保存在本地人大的服务器上，不向第三方提供。事项办结后保存${CONTACT_RETENTION_YEARS}年，期满后删除您的姓名和手机号。

五、公开是单独、可选的
只有您另外勾选“同意公开”，事项办结后，我们才会在去掉姓名、电话、地址等个人信息后，公开意见和答复内容。不同意公开，不影响办理。

六、查询、更正和删除
凭查询码可以随时查看办理情况。如需更正或删除您的个人信息，请到留言的联络站，或联系本地人大常委会代表工作机构，并提供查询码。`;

export function privacyNotice(): { version: string; text: string } {
  return { version: PRIVACY_NOTICE_VERSION, text: TEXT };
}
