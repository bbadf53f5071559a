import type { Catalog } from '../catalog-shape.ts';
import type { backups as en } from '../en/backups.ts';

export const backups: Catalog<typeof en> = {
  backups: {
    folder: '备份文件夹',
    folderHelp: '请输入本机上某个文件夹的完整路径（例如同步文件夹或外接硬盘）。TradeFolio 会检查能否写入。',
    folderHelpPicked: '请选择本机上的一个文件夹，例如同步文件夹或外接硬盘。TradeFolio 会检查能否写入。',
    chooseFolder: '选择文件夹…',
    pickFolderTitle: '选择备份文件夹',
    folderSave: '保存文件夹',
    folderSaved: '备份文件夹已保存。',
    automatic: '每日自动备份',
    automaticHelp: 'TradeFolio 运行时每天备份一次，保留最近 {{count}} 份。',
    automaticOn: '已开启自动备份。',
    automaticOff: '已关闭自动备份。',
    lastBackup: '上次备份：{{date}}',
    noBackupYet: '还没有备份过。',
    backupNow: '立即备份',
    backingUp: '正在备份…',
    created: '备份已写入：{{file}}',
    list: '此文件夹中的备份',
    empty: '此文件夹中还没有备份。',
    columns: {
      file: '文件',
      createdAt: '日期',
      size: '大小',
      actions: '操作',
    },
    restore: '恢复',
    restoreConfirm: {
      title: '恢复 {{date}} 的备份？',
      body: 'TradeFolio 会先检查 {{file}}，然后用它替换当前数据库。此备份之后录入的内容将不再显示。',
      keep: '当前数据库不会被删除：它会作为副本保留在数据文件夹中，需要时可以恢复回来。',
      ok: '恢复',
    },
    restoring: '正在恢复…',
    restored: '备份已恢复。',
    restoredDetail: '恢复前使用的数据库已保留为：',
    size: {
      b: '{{value}} B',
      kb: '{{value}} KB',
      mb: '{{value}} MB',
      gb: '{{value}} GB',
    },
  },
};
