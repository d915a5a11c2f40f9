"""What reads as a personal name: the misread and doubled-character rules leave names alone
(a name is whatever its bearer chose: 张佰山, 魏哲哲, 诺沃亚)."""
from __future__ import annotations

#: The commonest surnames (about 85% of the population): a stretch of two or three lone
#: characters opening with one is a personal name, not a misreading.
SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
                     "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎"
                     "贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申"
                     "欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴"
                     "蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏"
                     "席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池乐匡"
                     "钮鞠")
#: Characters of names written for their sound (诺沃亚, 达尔富尔, 伊迪利亚).
SOUND_CHARS = frozenset("阿埃艾奥巴拜班贝比波伯布达黛丹德迪蒂杜多厄恩法菲芬弗福盖戈格贡哈汉赫亨胡霍基吉加杰"
                        "捷卡凯坎考柯科克库奎拉莱兰朗劳勒雷里莉利丽林琳隆卢鲁罗洛马玛迈麦曼梅蒙米敏莫穆纳娜"
                        "奈内尼涅宁纽努诺帕佩彭皮普齐奇契乔萨塞森沙尚舍斯苏索塔泰坦特提图托瓦威维沃乌西希锡"
                        "谢辛休雅亚扬耶伊因尤于约泽扎詹兹佐尔")


def in_name(run: str, cov: bytearray, index: int) -> bool:
    """Is ``run[index]`` in what reads as a personal name: a stretch of two or three lone
    characters that opens with a surname, or lone characters mostly of sound-writing?"""
    lo = index
    while lo > 0 and not cov[lo - 1] and index - lo < 3:
        lo -= 1
    hi = index + 1
    while hi < len(run) and not cov[hi] and hi - index < 3:
        hi += 1
    for start in range(max(lo, index - 2), index + 1):
        if run[start] in SURNAMES and 2 <= hi - start <= 3:
            return True
    sound = sum(run[k] in SOUND_CHARS for k in range(lo, hi))
    return sound >= 2 and sound * 2 >= hi - lo
