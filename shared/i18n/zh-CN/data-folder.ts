import type { Catalog } from '../catalog-shape.ts';
import type { dataFolder as en } from '../en/data-folder.ts';

export const dataFolder: Catalog<typeof en> = {
  dataFolder: {
    inUse_web: '数据文件夹 {{folder}} 已在 TradeFolio 网页服务（进程 {{pid}}）中打开。请使用那个窗口，或先停止它。',
    inUse_electron: '数据文件夹 {{folder}} 已在 TradeFolio 应用（进程 {{pid}}）中打开。请使用那个窗口，或先退出它。',
    inUse_cli: '数据文件夹 {{folder}} 正被一个 TradeFolio 命令（进程 {{pid}}）用于恢复备份，请等它完成。',
    inUse_unknown: '数据文件夹 {{folder}} 已在另一个 TradeFolio 程序中打开，请先关闭它。',
    restoreInProgress_web: 'TradeFolio 网页服务（进程 {{pid}}）正在把备份恢复到 {{folder}}，请在完成后重试。',
    restoreInProgress_electron: 'TradeFolio 应用（进程 {{pid}}）正在把备份恢复到 {{folder}}，请在完成后重试。',
    restoreInProgress_cli: '一个 TradeFolio 命令（进程 {{pid}}）正在把备份恢复到 {{folder}}，请在完成后重试。',
    restoreInProgress_unknown: '另一个 TradeFolio 程序正在把备份恢复到 {{folder}}，请在完成后重试。',
    folderReadOnly: 'TradeFolio 无法写入数据文件夹 {{folder}}（{{detail}}）：它位于只读磁盘上或属于其他用户。请使其可写，或使用其他数据文件夹启动 TradeFolio（--data-dir）。',
    folderUnusable: '无法使用数据文件夹 {{folder}}（{{detail}}）。请使用其他数据文件夹启动 TradeFolio（--data-dir）。',
    databaseDamaged: '数据库 {{file}} 已损坏或不是 TradeFolio 数据库，TradeFolio 无法打开。数据未做任何更改。请把该文件移到别处，再从备份文件夹恢复最新的备份。',
    databaseCannotOpen: 'TradeFolio 无法打开数据库 {{file}}：该位置是一个文件夹，或文件不可读取。数据未做任何更改。',
    restoreNotOwner: '只有打开了 {{folder}} 的 TradeFolio 程序才能恢复备份。请在应用中恢复（设置 › 备份），或先退出应用再运行此命令。',
    databaseReadOnly: '数据库文件 {{file}} 是只读的，TradeFolio 无法保存任何内容。请让该文件及其文件夹可写（或复制到可写的磁盘）后重新启动。',
    databaseNewerSchema: '数据库 {{file}} 由更新版本的 TradeFolio 创建（结构 {{version}}）。请升级应用后再打开。数据未做任何更改。',
    backupFolder_relative: '备份文件夹“{{folder}}”不是完整路径。请选择一个文件夹，或输入从盘符或 / 开始的路径。',
    backupFolder_insideApp: '备份文件夹 {{folder}} 位于 TradeFolio 程序自身的文件夹内，升级时会被替换。请选择其他文件夹。',
    backupFolder_timeout: '备份文件夹 {{folder}} 没有及时响应：磁盘可能故障或已断开。未保存任何内容。',
    backupFolder_denied: 'TradeFolio 无权写入备份文件夹 {{folder}}。请选择其他文件夹或修改其权限。',
    backupFolder_readOnly: '备份文件夹 {{folder}} 位于只读磁盘上。请选择可写的文件夹。',
    backupFolder_full: '备份文件夹 {{folder}} 所在磁盘已满。请释放空间或选择其他文件夹。未保存任何内容。',
    backupFolder_notFolder: '备份文件夹 {{folder}}（或其上级）是一个文件，而不是文件夹。',
    backupFolder_cannotCreate: '无法在该位置创建备份文件夹 {{folder}}（系统错误 {{detail}}）。请选择其他文件夹。',
    backupFolderUnreadable: '无法读取备份文件夹 {{folder}}：{{reason}}',
    restoreCopyFailed: '无法复制备份 {{file}}：{{reason}}。数据未做任何更改。',
  },
};
