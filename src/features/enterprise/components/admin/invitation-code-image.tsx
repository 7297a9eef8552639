import { inviteQrText } from '../../services/invite-link';
import { QrCode } from '../qr-code';

/** H5 and WeCom: a QR code of the invitation link, scanned with any camera. */
export function InvitationCodeImage({ code }: { code: string }) {
  return <QrCode text={inviteQrText(code)} label={`邀请二维码，邀请码 ${code}`} testId='invitation-qr' />;
}
