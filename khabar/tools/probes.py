"""The development report sets in `data/eval/news_probes`: which were studied while tuning and which never were.

A studied set's errors were read while writing rules, so its figures are development figures; a never-studied set is
only scored (`docs/accuracy.md` calls its figures honest).
"""

from __future__ import annotations

from khabar.core.settings import PROJECT_ROOT

PROBES_DIR = PROJECT_ROOT / "data" / "eval" / "news_probes"
STUDIED = ("p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10", "p11", "p12", "p13", "p15", "p16", "p18", "p20", "p21", "p23", "p25", "p27", "p28", "p30", "p31", "p33", "p35", "p36", "p37", "p38", "p40", "p41", "p42", "p43", "p44", "p45", "p46", "p49", "p50", "p51", "p53", "p54", "p56", "p57", "p58", "p61", "p62", "p63", "p66", "p67", "p68", "p74", "p78", "p79", "p81", "p83", "p85", "p87", "p89", "p91", "p92", "p94", "p96", "p98", "p100", "p102", "p104", "p106", "p108", "p110", "p112", "p114", "p116", "p118", "p120", "p122", "p124", "p126", "p128", "p130", "p132", "p134", "p136", "p138", "p140", "p142", "p144", "p146", "p148", "p150", "p152", "p154", "p156", "p158", "p160", "p162", "p164", "p166", "p168")
NEVER_STUDIED = ("p14", "p17", "p19", "p22", "p24", "p26", "p29", "p32", "p34", "p39", "p47", "p48", "p52", "p55", "p59", "p60", "p64", "p65", "p69", "p70", "p71", "p72", "p73", "p75", "p76", "p77", "p80", "p82", "p84", "p86", "p88", "p90", "p93", "p95", "p97", "p99", "p101", "p103", "p105", "p107", "p109", "p111", "p113", "p115", "p117", "p119", "p121", "p123", "p125", "p127", "p129", "p131", "p133", "p135", "p137", "p139", "p141", "p143", "p145", "p147", "p149", "p151", "p153", "p155", "p157", "p159", "p161", "p163", "p165", "p167", "p169")

